using System.Text.Json.Serialization;

namespace Telephony.Storage.Catalog;

/// <summary>Source-generated JSON for what catalog tables keep as JSON.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class CatalogStorageJson : JsonSerializerContext;
