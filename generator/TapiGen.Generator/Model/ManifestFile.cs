namespace TapiGen.Generator.Model
{
    /// <summary>A manifest to generate from: its text and the options that apply to it. Equal when both are.</summary>
    /// <param name="Path">The additional file's path, as the compilation gives it.</param>
    /// <param name="Text">The whole manifest text, or null when the file could not be read.</param>
    /// <param name="Options">The options for this manifest (MSBuild properties, overridden by item metadata).</param>
    /// <param name="OptionDiagnostics">Problems found while reading the options (bad values), reported with the manifest's.</param>
    internal sealed record ManifestFile(string Path, string? Text, GeneratorOptions Options, EquatableArray<DiagnosticInfo> OptionDiagnostics)
    {
        public string Namespace => Options.Namespace;

        public string NamespaceSource => Options.NamespaceSource;
    }
}
