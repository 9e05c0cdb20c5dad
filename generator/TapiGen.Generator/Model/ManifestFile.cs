namespace TapiGen.Generator.Model
{
    /// <summary>A manifest to generate from: its text and the options that apply to it. Equal when both are.</summary>
    /// <param name="Path">The additional file's path, as the compilation gives it.</param>
    /// <param name="Text">The whole manifest text, or null when the file could not be read.</param>
    /// <param name="Namespace">The namespace to generate into (empty: the global namespace).</param>
    /// <param name="NamespaceSource">Where <paramref name="Namespace"/> came from, for diagnostics.</param>
    internal sealed record ManifestFile(string Path, string? Text, string Namespace, string NamespaceSource);
}
