using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit
{
    /// <summary>Placeholder until this output is written; returns null, so nothing is added.</summary>
    internal static class NewtonsoftJsonEmitter
    {
        public static string? Emit(EnumModel model, CompilationFacts facts) => null;
    }
}
