using System.Collections.Generic;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// The Direct3D headers follow the version-neutral members of an enum with aliases for each Direct3D version
    /// (<c>D3D10_CT_CBUFFER = D3D_CT_CBUFFER</c>, <c>D3D10_1_SRV_DIMENSION_UNKNOWN = D3D_SRV_DIMENSION_UNKNOWN</c>),
    /// and their pages often drop the <c>= D3D_...</c> part. Counting on from the previous member would then give
    /// wrong values, so a member without a value is made an alias when its name, with the version prefix replaced by
    /// <c>D3D_</c>, names an earlier member.
    /// </summary>
    /// <remarks>
    /// The version prefix is deliberately narrow: <c>D3D</c>, one or more digits, optionally <c>_</c> and more digits
    /// (the minor version of <c>D3D10_1_</c>), then <c>_</c>; the version-neutral prefix is exactly <c>D3D_</c>. No
    /// other family of names is touched, and a member with a value (in its heading or an overrides file) never is.
    /// </remarks>
    internal static class VersionAlias
    {
        private const string Family = "D3D";

        /// <summary>The earlier member <paramref name="name"/> is an alias of, or null.</summary>
        public static string? Find(string name, IReadOnlyDictionary<string, System.Numerics.BigInteger> earlier)
        {
            if (!name.StartsWith(Family, System.StringComparison.Ordinal))
            {
                return null;
            }

            int p = Family.Length;
            int major = SkipDigits(name, p);
            if (major == p || major >= name.Length || name[major] != '_')
            {
                return null;
            }

            // D3D10_1_X: try the minor version first, so D3D10_1_SRV_DIMENSION_UNKNOWN maps to D3D_SRV_DIMENSION_UNKNOWN.
            int minor = SkipDigits(name, major + 1);
            if (minor > major + 1 && minor + 1 < name.Length && name[minor] == '_')
            {
                string candidate = Family + "_" + name.Substring(minor + 1);
                if (earlier.ContainsKey(candidate))
                {
                    return candidate;
                }
            }

            if (major + 1 < name.Length)
            {
                string candidate = Family + "_" + name.Substring(major + 1);
                if (earlier.ContainsKey(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static int SkipDigits(string s, int p)
        {
            while (p < s.Length && s[p] >= '0' && s[p] <= '9')
            {
                p++;
            }

            return p;
        }
    }
}
