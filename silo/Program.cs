using Microsoft.Extensions.Hosting;
using Telephony.SiloHost;

// A headless silo: the grain runtime without the HTTP front door.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTelephonySilo(builder.Configuration);
await builder.Build().RunAsync();
