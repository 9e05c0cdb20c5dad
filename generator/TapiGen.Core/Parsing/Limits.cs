namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Bounds on what one manifest may ask of a build. Far above real pages (the largest sdk-api enum page is about
    /// 25 KB with 70 members), so only generated or hostile input reaches them, and it gets TG0023 instead of a slow build.
    /// </summary>
    internal static class Limits
    {
        /// <summary>Characters in a manifest or an overrides file: 8 Mi (8 MiB of ASCII text).</summary>
        public const int MaxFileChars = 8 * 1024 * 1024;

        /// <summary>
        /// Whether a file of this many characters is read at all: longer overrides files and headers are passed on
        /// without their text (and with their length), so the parser reports TG0023 or the header's problem instead.
        /// </summary>
        public static bool Readable(int length) => length <= MaxFileChars;

        /// <summary>'### -field' headings in one manifest.</summary>
        public const int MaxMembers = 10000;
    }
}
