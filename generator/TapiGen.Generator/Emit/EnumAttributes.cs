using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit
{
    /// <summary>Attributes the other outputs put on the enum (for example [JsonConverter]).</summary>
    internal static class EnumAttributes
    {
        public static void Write(SourceWriter w, EnumModel model, CompilationFacts facts)
        {
            // The type's own [JsonConverter] makes the generated converter the default: no options needed, and the
            // System.Text.Json source generator picks it up too (from a referenced assembly).
            if (GeneratedNames.EmitsSystemTextJson(model, facts))
            {
                w.WriteLine("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Qualified(model, GeneratedNames.SystemTextJsonConverter(model)) + "))]");
            }

            if (GeneratedNames.EmitsNewtonsoftJson(model, facts) && model.Options.NewtonsoftAttribute)
            {
                w.WriteLine("[global::Newtonsoft.Json.JsonConverter(typeof(" + Qualified(model, GeneratedNames.NewtonsoftJsonConverter(model)) + "))]");
            }
        }

        private static string Qualified(EnumModel model, string typeName)
            => "global::" + (model.Namespace.Length == 0 ? string.Empty : Parsing.Identifiers.EscapeNamespace(model.Namespace) + ".") + typeName;
    }
}
