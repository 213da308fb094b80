using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace FhirGateway.Fhir.Tests.Definitions;

/// <summary>Writes small definitions, FHIR packages (.tgz and ~/.fhir/packages folders) and loose files into a temporary folder.</summary>
internal sealed class TestPackages : IDisposable
{
    public const string ProfileUrl = "http://example.org/fhir/StructureDefinition/clinic-patient";
    public const string ValueSetUrl = "http://example.org/fhir/ValueSet/clinic-colours";

    public TestPackages() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fhirgw-defs-" + Guid.NewGuid().ToString("N"));

    public static string Profile(string url = ProfileUrl, string version = "1.0.0", string name = "ClinicPatient") => """
        {"resourceType":"StructureDefinition","url":"%URL%","version":"%VERSION%","name":"%NAME%","status":"active",
         "kind":"resource","abstract":false,"type":"Patient","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient",
         "derivation":"constraint","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">narrative</div>"},
         "differential":{"element":[{"id":"Patient","path":"Patient"},{"id":"Patient.birthDate","path":"Patient.birthDate","min":1,
           "patternDate":"2000-01-01"},{"id":"Patient.identifier","path":"Patient.identifier","patternIdentifier":{"system":"urn:clinic",
           "type":{"coding":[{"code":"MR"}]}}}]}}
        """.Replace("%URL%", url).Replace("%VERSION%", version).Replace("%NAME%", name);

    public static string ValueSet(string url = ValueSetUrl, string version = "1.0.0") => """
        {"resourceType":"ValueSet","url":"%URL%","version":"%VERSION%","name":"ClinicColours","status":"draft",
         "compose":{"include":[{"system":"urn:colours","concept":[{"code":"red","display":"Red"},{"code":"blue"}]}]}}
        """.Replace("%URL%", url).Replace("%VERSION%", version);

    public static string Manifest(string name, string version) => $$"""{"name":"{{name}}","version":"{{version}}","fhirVersions":["4.0.1"]}""";

    /// <summary>Writes an npm-format package tarball with the given files under <c>package/</c>.</summary>
    public string Tarball(string fileName, params (string Name, string Content)[] files)
    {
        var path = Path.Combine(Root, fileName);
        using var stream = System.IO.File.Create(path);
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, content) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/" + name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            tar.WriteEntry(entry);
        }
        return path;
    }

    /// <summary>Writes a package folder in the <c>~/.fhir/packages/&lt;name&gt;#&lt;version&gt;/package</c> layout; returns the <c>name#version</c> folder.</summary>
    public string PackageFolder(string name, string version, params (string Name, string Content)[] files)
    {
        var folder = Path.Combine(Root, "packages", $"{name}#{version}");
        Directory.CreateDirectory(Path.Combine(folder, "package"));
        foreach (var (file, content) in files) System.IO.File.WriteAllText(Path.Combine(folder, "package", file), content);
        return folder;
    }

    /// <summary>Writes a file under the root (creating folders) and returns its path.</summary>
    public string File(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
