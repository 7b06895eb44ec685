using Microsoft.Extensions.Hosting;
using Telephony.SiloHost;

// A headless silo: the grains without the HTTP front door.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
await builder.Build().RunAsync();
