using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TapiGen.Json.Aot
{
    /// <summary>
    /// Serializes the generated enums without reflection: type metadata built from the generated converters, as a
    /// source-generated JsonSerializerContext does it. Compiled with the AOT and trim analyzers, warnings as errors.
    /// </summary>
    public static class AotJson
    {
        private static readonly JsonSerializerOptions s_options = new JsonSerializerOptions { TypeInfoResolver = new ConverterResolver() };

        /// <summary>Writes a TAPI_EVENT value.</summary>
        public static string Write(TAPI_EVENT value) => JsonSerializer.Serialize(value, Info<TAPI_EVENT>());

        /// <summary>Reads a TAPI_EVENT value.</summary>
        public static TAPI_EVENT ReadTapiEvent(string json) => JsonSerializer.Deserialize(json, Info<TAPI_EVENT>());

        /// <summary>Writes an AGENT_SESSION_EVENT value.</summary>
        public static string Write(AGENT_SESSION_EVENT value) => JsonSerializer.Serialize(value, Info<AGENT_SESSION_EVENT>());

        /// <summary>Reads an AGENT_SESSION_EVENT value.</summary>
        public static AGENT_SESSION_EVENT ReadAgentSessionEvent(string json) => JsonSerializer.Deserialize(json, Info<AGENT_SESSION_EVENT>());

        private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T));

        private sealed class ConverterResolver : IJsonTypeInfoResolver
        {
            public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
            {
                if (type == typeof(TAPI_EVENT))
                {
                    return JsonMetadataServices.CreateValueInfo<TAPI_EVENT>(options, new TAPI_EVENTJsonConverter());
                }

                if (type == typeof(AGENT_SESSION_EVENT))
                {
                    return JsonMetadataServices.CreateValueInfo<AGENT_SESSION_EVENT>(options, new AGENT_SESSION_EVENTJsonConverter());
                }

                return null;
            }
        }
    }
}
