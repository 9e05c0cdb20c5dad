using Contoso.Legacy;
using Contoso.Legacy.Shell;

namespace Contoso.Net462Library
{
    /// <summary>Uses the generated enums in a public API, in C# 7.3.</summary>
    public static class Capabilities
    {
        /// <summary>The flags of a property that can be grouped and searched.</summary>
        public const PROPDESC_TYPE_FLAGS Searchable = PROPDESC_TYPE_FLAGS.PDTF_CANGROUPBY | PROPDESC_TYPE_FLAGS.PDTF_ISQUERYABLE;

        /// <summary>Whether a feature level has Direct3D 11 features.</summary>
        /// <param name="level">The feature level.</param>
        /// <returns>True from D3D_FEATURE_LEVEL_11_0 on.</returns>
        public static bool HasDirect3D11(D3D_FEATURE_LEVEL level)
        {
            return level >= D3D_FEATURE_LEVEL.D3D_FEATURE_LEVEL_11_0;
        }
    }
}
