using System;
using System.Linq;

namespace TapiGen.Generator.Model
{
    /// <summary>A manifest to generate from: its text and the options that apply to it. Equal when both are.</summary>
    /// <param name="Path">The additional file's path, as the compilation gives it.</param>
    /// <param name="Text">The whole manifest text, or null when the file could not be read or is over the size limit.</param>
    /// <param name="Options">The options for this manifest (MSBuild properties, overridden by item metadata).</param>
    /// <param name="OptionDiagnostics">Problems found while reading the options (bad values), reported with the manifest's.</param>
    internal sealed record ManifestFile(string Path, string? Text, GeneratorOptions Options, EquatableArray<DiagnosticInfo> OptionDiagnostics)
    {
        public string Namespace => Options.Namespace;

        /// <summary>The length of the file in characters, known even when <see cref="Text"/> was not read because of it.</summary>
        public int TextLength { get; init; }

        /// <summary>The overrides files paired with this manifest: normally none or one (more is an error).</summary>
        public EquatableArray<OverridesFile> Overrides { get; init; }

        /// <summary>
        /// This manifest with the overrides files that name it. Paths compare exactly, or else ignoring case and the
        /// kind of slash, since MSBuild and the compiler may spell one path differently on Windows.
        /// </summary>
        public ManifestFile WithOverrides(EquatableArray<OverridesFile> all)
        {
            var mine = all.Where(o => string.Equals(o.ManifestPath, Path, StringComparison.Ordinal)).ToList();
            if (mine.Count == 0)
            {
                string normalized = Normalize(Path);
                mine = all.Where(o => string.Equals(Normalize(o.ManifestPath), normalized, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            EquatableArray<OverridesFile> paired = mine.ToEquatableArray();
            return paired == Overrides ? this : this with { Overrides = paired };
        }

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
