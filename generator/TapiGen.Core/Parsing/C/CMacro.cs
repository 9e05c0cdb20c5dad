using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>A '#define': object-like, or function-like with its parameter names; where it was defined.</summary>
    /// <param name="Line">The 0-based line of the '#define' in <paramref name="File"/>.</param>
    /// <param name="Uncertain">
    /// The condition around the '#define' that TapiGen cannot decide, or null when it is certainly compiled. An
    /// uncertain macro is never used: what depends on it is unknown.
    /// </param>
    internal sealed record CMacro(string Name, bool IsFunctionLike, EquatableArray<string> Parameters, EquatableArray<CToken> Body, string File, int Line, string? Uncertain = null);

    /// <summary>The macros an expansion may use.</summary>
    internal interface ICMacros
    {
        /// <summary>The macro's definition, or null when it has none here.</summary>
        CMacro? Find(string name);

        /// <summary>Whether the name is defined: true, false, or null when nothing here knows.</summary>
        bool? IsDefined(string name);
    }
}
