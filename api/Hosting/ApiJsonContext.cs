using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Telephony.Api.Health;
using Telephony.Api.Routing;
using Telephony.Api.Sessions;
using Telephony.Api.Simulator;
using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Api.Hosting;

/// <summary>Source-generated JSON contracts of the API's own responses.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(SimulatedIncomingCall))]
[JsonSerializable(typeof(SimulatedCallAccepted))]
[JsonSerializable(typeof(CreateWorkspaceBody))]
[JsonSerializable(typeof(ActiveSessionsChange))]
[JsonSerializable(typeof(SessionStreamReset))]
[JsonSerializable(typeof(SessionStreamReady))]
[JsonSerializable(typeof(SessionEventKind))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
