using Microsoft.Extensions.Hosting;
using Telephony.SiloHost;

// A headless silo: the grains without the HTTP front door.
var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
    await builder.Build().RunAsync();
    return 0;
}
catch (SettingException e)
{
    // The operator's mistake, not the program's: one line naming the setting, no stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

/// <summary>
/// The headless silo's entry point, kept internal: the dashboard brings ASP.NET Core into this project, whose source
/// generator would otherwise make it public and clash with the API's <c>Program</c> in projects that reference both.
/// </summary>
internal partial class Program;
