using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit
{
    /// <summary>Attributes the other outputs put on the enum (for example [JsonConverter]).</summary>
    internal static class EnumAttributes
    {
        public static void Write(SourceWriter w, EnumModel model, CompilationFacts facts)
        {
        }
    }
}
