using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Console;

/// <summary>Signing in to the console in the browser, as a person does: the sign-in page, a key, the button; and where screenshots go.</summary>
internal static class ConsoleSignIn
{
    public static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    /// <summary>Opens <c>/console</c>, is sent to the sign-in page (screenshot <paramref name="shot"/> when given), signs in with <paramref name="key"/> and lands on the records.</summary>
    public static async Task SignInAsync(Chromium browser, Uri site, string key, string? shot = null)
    {
        await browser.GoAsync(new Uri(site, "/console"));
        Assert.Contains("Sign in", await browser.TextAsync(), StringComparison.Ordinal);
        if (shot is not null) await browser.ScreenshotAsync(Path.Combine(Shots, shot));
        await browser.EvalAsync($"document.getElementById('key').value = '{key}'");
        await browser.ClickAndWaitAsync("#sign-in");
        Assert.Equal(new Uri(site, "/console/records").ToString(), (await browser.EvalAsync("location.href"))!.GetValue<string>());
    }
}
