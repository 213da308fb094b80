using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>A test that needs Debian's <c>chromium</c>: skipped, with the reason, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null) Skip = "chromium is not installed (apt-get install chromium; .ci/run installs it)";
    }
}

/// <summary>
/// Headless Chromium driven over its DevTools protocol (a WebSocket on 127.0.0.1): one page, navigation, script in the
/// page, screenshots. Started per test with its own profile folder; killed on dispose.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _profile;
    private Task _reader = Task.CompletedTask;
    private string _session = "";
    private int _id;

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium" }.FirstOrDefault(File.Exists);

    public static async Task<Chromium> StartAsync()
    {
        var profile = Path.Combine(Path.GetTempPath(), "fhirgw-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,900", "about:blank",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var chromium = new Chromium(process, profile);
        var endpoint = await chromium.DevToolsEndpointAsync();
        await chromium._socket.ConnectAsync(endpoint, CancellationToken.None);
        chromium._reader = chromium.ReadAsync();
        var target = await chromium.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browser: true);
        var attached = await chromium.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browser: true);
        chromium._session = attached["sessionId"]!.GetValue<string>();
        await chromium.SendAsync("Page.enable", new JsonObject());
        await chromium.SendAsync("Runtime.enable", new JsonObject());
        return chromium;
    }

    private async Task<Uri> DevToolsEndpointAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await _process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null) break;
            const string marker = "DevTools listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // keep draining stderr so chromium never blocks on a full pipe
                _ = Task.Run(async () => { while (await _process.StandardError.ReadLineAsync() is not null) { } });
                _ = Task.Run(async () => { while (await _process.StandardOutput.ReadLineAsync() is not null) { } });
                return new Uri(line[(at + marker.Length)..].Trim());
            }
        }
        throw new InvalidOperationException("chromium did not report its DevTools endpoint");
    }

    /// <summary>Opens a URL and waits until the page has loaded.</summary>
    public async Task GoAsync(Uri url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        await WaitForAsync($"document.readyState === 'complete' && location.href.startsWith({JsonSerializer.Serialize(url.GetLeftPart(UriPartial.Path))})", $"{url} to load");
    }

    /// <summary>Runs script in the page and returns its value (JSON).</summary>
    public async Task<JsonNode?> EvalAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"script failed: {error.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>Waits (30 s at most) until a script expression is true in the page.</summary>
    public async Task WaitForAsync(string condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if (await EvalAsync($"!!({condition})") is JsonValue v && v.GetValue<bool>()) return;
            }
            catch (InvalidOperationException)
            {
                // the page is between documents
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; page: {await TextAsync()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Clicks an element and waits for the next document (a form post or a link).</summary>
    public async Task ClickAndWaitAsync(string selector)
    {
        await EvalAsync("window.__before = true");
        await EvalAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).click()");
        await WaitForAsync("window.__before === undefined && document.readyState === 'complete'", $"the page after clicking {selector}");
    }

    public async Task<string> TextAsync()
    {
        try
        {
            return (await EvalAsync("document.body ? document.body.innerText : ''"))?.GetValue<string>() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>Saves a PNG of the page.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool browser = false)
    {
        var id = Interlocked.Increment(ref _id);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browser) message["sessionId"] = _session;
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (answer["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return answer["result"] ?? new JsonObject();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"] is JsonValue id && _pending.TryRemove(id.GetValue<int>(), out var waiter)) waiter.TrySetResult(node);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closing
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // already gone
        }
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still hold a file for a moment; the temp folder is cleaned by the system
        }
    }
}
