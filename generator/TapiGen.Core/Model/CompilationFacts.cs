namespace TapiGen.Generator.Model
{
    /// <summary>
    /// The little we need to know about the consuming compilation, as values: keeping symbols or the compilation
    /// itself would defeat caching. Emitters use these to write only code the consumer can compile.
    /// </summary>
    /// <param name="LanguageVersion">The C# version as a number: 703 for 7.3, 800, 1000, 1100, ... (preview and latest map to their real versions).</param>
    /// <param name="HasReadOnlySpan">System.ReadOnlySpan&lt;T&gt;, System.MemoryExtensions and MemoryMarshal exist (net core, or System.Memory referenced).</param>
    /// <param name="HasSystemTextJson">System.Text.Json's JsonConverter&lt;T&gt; exists.</param>
    /// <param name="HasNewtonsoftJson">Newtonsoft.Json's JsonConverter exists.</param>
    /// <param name="HasEnumGenericApis">Enum.GetValues&lt;T&gt;() and friends exist (net5.0+).</param>
    /// <param name="HasJsonPropertyNameApis">System.Text.Json's JsonConverter&lt;T&gt;.ReadAsPropertyName/WriteAsPropertyName exist (STJ 6+), so a converter can serve dictionary keys.</param>
    /// <param name="HasUtf8JsonReaderCopyString">Utf8JsonReader.ValueIsEscaped and CopyString(Span&lt;byte&gt;) exist (STJ 7+), so a converter can unescape a string without making one.</param>
    /// <param name="HasVector128Create">System.Runtime.Intrinsics.Vector128.Create(ReadOnlySpan&lt;T&gt;) and Vector512 exist (.NET 8+), so names compare 16 bytes at a time.</param>
    internal sealed record CompilationFacts(
        int LanguageVersion,
        bool HasReadOnlySpan,
        bool HasSystemTextJson,
        bool HasNewtonsoftJson,
        bool HasEnumGenericApis,
        bool HasJsonPropertyNameApis = false,
        bool HasUtf8JsonReaderCopyString = false,
        bool HasVector128Create = false)
    {
        /// <summary>C# 8: '#nullable enable' and nullable annotations.</summary>
        public bool SupportsNullable => LanguageVersion >= 800;

        /// <summary>C# 14: extension blocks, so static helpers can be members of the enum type itself (E.Parse, E.GetValues; not where System.Enum has a fitting member).</summary>
        public bool SupportsExtensionMembers => LanguageVersion >= 1400;

        /// <summary>C# 11: "..."u8 literals and switching a ReadOnlySpan&lt;char&gt; on constant strings.</summary>
        public bool SupportsUtf8AndSpanPatterns => LanguageVersion >= 1100 && HasReadOnlySpan;
    }
}
