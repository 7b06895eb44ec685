using Microsoft.Extensions.Hosting;
using Telephony.SiloHost;

// A headless silo: the grains without the HTTP front door.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
await builder.Build().RunAsync();

/// <summary>
/// The headless silo's entry point, kept internal: the dashboard brings ASP.NET Core into this project, whose source
/// generator would otherwise make it public and clash with the API's <c>Program</c> in projects that reference both.
/// </summary>
internal partial class Program;
