namespace TapiGen.Generator.Model
{
    /// <summary>
    /// The little we need to know about the consuming compilation, as values: keeping symbols or the compilation
    /// itself would defeat caching.
    /// </summary>
    /// <param name="SupportsNullable">C# 8 or later, so '#nullable enable' is allowed.</param>
    internal sealed record CompilationFacts(bool SupportsNullable);
}
