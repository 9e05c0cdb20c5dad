using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit
{
    /// <summary>The names of everything generated for one enum, in one place so the emitters agree.</summary>
    internal static class GeneratedNames
    {
        /// <summary>
        /// The enum as C# code, escaped: "AGENT_SESSION_EVENT", "@class", and "@lowercase": C# warns (CS8981) on type
        /// names of lowercase ASCII letters only, which it may reserve as keywords, unless they are written with '@'.
        /// </summary>
        public static string EnumType(EnumModel model)
            => IsLowercaseAscii(model.Identifier) ? "@" + model.Identifier : Identifiers.Escape(model.Identifier);

        private static bool IsLowercaseAscii(string name)
        {
            foreach (char c in name)
            {
                if (c < 'a' || c > 'z')
                {
                    return false;
                }
            }

            return name.Length > 0;
        }

        /// <summary>Fully qualified with global::, for use anywhere.</summary>
        public static string QualifiedEnumType(EnumModel model)
            => "global::" + (model.Namespace.Length == 0 ? string.Empty : Identifiers.EscapeNamespace(model.Namespace) + ".") + EnumType(model);

        /// <summary>The static class with ToStringFast, TryParse, ...: "AGENT_SESSION_EVENTExtensions".</summary>
        public static string HelpersClass(EnumModel model) => model.Identifier + "Extensions";

        /// <summary>The System.Text.Json converter: "AGENT_SESSION_EVENTJsonConverter".</summary>
        public static string SystemTextJsonConverter(EnumModel model) => model.Identifier + "JsonConverter";

        /// <summary>The Newtonsoft.Json converter: "AGENT_SESSION_EVENTNewtonsoftJsonConverter".</summary>
        public static string NewtonsoftJsonConverter(EnumModel model) => model.Identifier + "NewtonsoftJsonConverter";

        public static string Accessibility(EnumModel model) => model.Options.Accessibility == Model.Accessibility.Internal ? "internal" : "public";

        public static string HintName(EnumModel model, string suffix) => model.FullName + suffix + ".g.cs";

        /// <summary>Whether the System.Text.Json converter is generated (option on and the consumer references STJ).</summary>
        public static bool EmitsSystemTextJson(EnumModel model, CompilationFacts facts)
            => model.Options.GenerateSystemTextJson && facts.HasSystemTextJson;

        /// <summary>Whether the Newtonsoft.Json converter is generated (option on and the consumer references Newtonsoft.Json).</summary>
        public static bool EmitsNewtonsoftJson(EnumModel model, CompilationFacts facts)
            => model.Options.GenerateNewtonsoftJson && facts.HasNewtonsoftJson;
    }
}
