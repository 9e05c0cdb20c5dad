using System.Collections.Immutable;
using System.Linq;

namespace TapiGen.Generator.Model
{
    /// <summary>Which manifest produces which type.</summary>
    internal sealed record EnumIdentity(string FullName, string ManifestPath);

    /// <summary>A type name claimed by more than one manifest, with the manifests' paths sorted ordinally.</summary>
    internal sealed record DuplicateEnum(string FullName, EquatableArray<string> Paths)
    {
        public static EquatableArray<DuplicateEnum> Find(ImmutableArray<EnumIdentity> identities)
            => identities
                .GroupBy(i => i.FullName, System.StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => new DuplicateEnum(g.Key, g.Select(i => i.ManifestPath).OrderBy(p => p, System.StringComparer.Ordinal).ToEquatableArray()))
                .ToEquatableArray();
    }
}
