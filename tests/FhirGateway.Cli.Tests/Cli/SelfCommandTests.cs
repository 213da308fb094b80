using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Cli;

/// <summary>The commands fhirgw suggests (the demo's trace line) must run as printed from where the user stands.</summary>
public sealed class SelfCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Says_fhirgw_when_that_name_on_PATH_is_this_program()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_temp.Path, "bin")).FullName;
        var program = Touch(Path.Combine(bin, "fhirgw"));

        Assert.Equal("fhirgw", SelfCommand.Resolve(program, Path.Combine(bin, "fhirgw.dll"), bin, _temp.Path));
    }

    [Fact]
    public void Gives_the_programs_own_path_from_the_current_folder_when_PATH_has_another_or_none()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_temp.Path, "repo")).FullName;
        var program = Touch(Path.Combine(repo, "src", "FhirGateway", "bin", "fhirgw"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp.Path, "other")).FullName;
        Touch(Path.Combine(elsewhere, "fhirgw"));

        var shown = SelfCommand.Resolve(program, program + ".dll", elsewhere, repo);

        Assert.Equal(Path.Combine(".", "src", "FhirGateway", "bin", "fhirgw"), shown);
    }

    [Fact]
    public void Gives_an_absolute_path_outside_the_current_folder_and_dotnet_for_a_dll_host()
    {
        var program = Touch(Path.Combine(_temp.Path, "tools", "fhirgw"));
        var work = Directory.CreateDirectory(Path.Combine(_temp.Path, "work")).FullName;

        Assert.Equal(program, SelfCommand.Resolve(program, program + ".dll", null, work));
        Assert.Equal($"dotnet {program}.dll", SelfCommand.Resolve("/usr/bin/dotnet", program + ".dll", null, work));
    }

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
