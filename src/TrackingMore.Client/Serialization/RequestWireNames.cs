using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// A dialect's table of wire names for the public request types, applied to source-generated contracts as a
    /// modifier: each property gets its name (and, where the wire form is not JSON's own, its converter). A public
    /// property missing from the table fails the first body that carries it, so a field added to a request cannot go
    /// out under a name nobody chose. A dialect's internal body types name their fields themselves ([JsonPropertyName]).
    /// </summary>
    internal sealed class RequestWireNames
    {
        private readonly IReadOnlyDictionary<(Type, string), (string Name, JsonConverter? Converter)> _fields;
        private readonly string _tableName;

        public RequestWireNames(IReadOnlyDictionary<(Type, string), (string Name, JsonConverter? Converter)> fields, Type table)
        {
            _fields = fields;
            _tableName = table.Name;
        }

        /// <summary>Names each property of a public request type by the table (walking up to the type that declares it).</summary>
        public void Apply(JsonTypeInfo contract)
        {
            if (contract.Kind != JsonTypeInfoKind.Object || !contract.Type.IsPublic) return;
            // A tracking's id goes in a path where a version sends it at all (v4), never in a body.
            if (typeof(Models.TrackingIdentity).IsAssignableFrom(contract.Type))
            {
                for (var i = contract.Properties.Count - 1; i >= 0; i--)
                {
                    if (contract.Properties[i].Name == nameof(Models.TrackingIdentity.Id)) contract.Properties.RemoveAt(i);
                }
            }
            foreach (var property in contract.Properties)
            {
                var field = Find(contract.Type, property.Name) ?? throw new InvalidOperationException(
                    contract.Type.Name + "." + property.Name + " has no wire name: add it to " + _tableName + ".");
                property.Name = field.Name;
                if (field.Converter != null) property.CustomConverter = field.Converter;
            }
        }

        /// <summary>A modifier that leaves the named wire fields out of one type's body (a path already names the tracking).</summary>
        public static Action<JsonTypeInfo> Without(Type type, params string[] wireNames) => contract =>
        {
            if (contract.Type != type) return;
            for (var i = contract.Properties.Count - 1; i >= 0; i--)
            {
                if (Array.IndexOf(wireNames, contract.Properties[i].Name) >= 0) contract.Properties.RemoveAt(i);
            }
        };

        private (string Name, JsonConverter? Converter)? Find(Type? type, string property)
        {
            for (; type != null; type = type.BaseType)
            {
                if (_fields.TryGetValue((type, property), out var field)) return field;
            }
            return null;
        }
    }
}
