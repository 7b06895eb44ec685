using System.Text.Json.Serialization;

namespace Telephony.Catalog;

/// <summary>Source-generated JSON for what catalog stores keep as JSON text.</summary>
[JsonSerializable(typeof(string[]))]
public sealed partial class CatalogJson : JsonSerializerContext;
