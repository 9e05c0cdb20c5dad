using System.Numerics;
using TapiGen.Generator.Parsing.C;

namespace TapiGen.Generator.Model
{
    /// <summary>A C header listed as a TapiHeader item: its path and text (null when unreadable or over the limit).</summary>
    internal sealed record HeaderFile(string Path, string? Text, int TextLength);

    /// <summary>What one entry of an enum body is: a run of tokens, or a conditional directive between runs.</summary>
    internal enum HeaderItemKind
    {
        Tokens,
        If,
        Elif,
        Else,
        EndIf,
    }

    /// <summary>
    /// One entry of an enum body as written: a run of tokens, or a conditional directive with its condition tokens.
    /// The body is preprocessed (its conditions decided) and split into members later, when every listed header's
    /// macros and enums are known; so a '#if' may sit anywhere, even between a value and its comma.
    /// </summary>
    /// <param name="Name">The directive ('if', 'ifdef', 'ifndef', 'elif', 'else', 'endif'); empty for a run of tokens.</param>
    /// <param name="Tokens">The run, or the directive's condition.</param>
    /// <param name="Line">0-based line of the run's first token or of the directive's '#'.</param>
    /// <param name="Column">0-based column of it.</param>
    internal sealed record HeaderBodyItem(HeaderItemKind Kind, string Name, EquatableArray<CToken> Tokens, int Line, int Column);

    /// <summary>
    /// An enum declaration with a body, as the reader found it. <paramref name="Problem"/> is set when the body
    /// cannot be read (then <paramref name="Body"/> is incomplete and must not be used).
    /// </summary>
    /// <param name="Tag">The tag after 'enum', or null.</param>
    /// <param name="TypedefNames">The names a 'typedef' declares for it (pointer declarators excluded).</param>
    /// <param name="Uncertain">
    /// The text of a top-level condition around the declaration that TapiGen cannot decide, or null when the
    /// declaration is certainly compiled in TapiGen's configuration.
    /// </param>
    internal sealed record HeaderEnumDeclaration(
        string? Tag,
        EquatableArray<string> TypedefNames,
        int Line,
        int Column,
        EquatableArray<HeaderBodyItem> Body,
        string? Problem,
        int ProblemLine,
        int ProblemColumn,
        string? Uncertain);

    /// <summary>'typedef enum TAG NAME;': NAME names the enum declared with TAG.</summary>
    internal sealed record HeaderTypedefAlias(string Name, string Tag);

    /// <summary>
    /// Everything TapiGen takes from one header: its enum declarations, its macros and enum typedef aliases, in
    /// file order. Value-equal for equal text, so an unchanged header is never read again. <paramref name="Unread"/>:
    /// the text was not read at all (over the size limit, or unreadable), and <paramref name="Problem"/> says why.
    /// </summary>
    internal sealed record HeaderParse(
        string Path,
        string FileName,
        EquatableArray<HeaderEnumDeclaration> Enums,
        EquatableArray<CMacro> Macros,
        EquatableArray<HeaderTypedefAlias> Aliases,
        string? Problem,
        bool Unread = false);

    /// <summary>One member as the header defines it, evaluated.</summary>
    /// <param name="Style">Hex when written with a hexadecimal literal; Reference when it is just an earlier member's name.</param>
    internal sealed record HeaderMember(string Name, BigInteger Value, ValueStyle Style, string? Reference, int Line, int Column);

    /// <summary>An enum of a listed header, evaluated: the members in declaration order, and where it is.</summary>
    internal sealed record HeaderEnum(string Name, string HeaderPath, string HeaderFileName, int Line, int Column, EquatableArray<HeaderMember> Members);

    /// <summary>A header construct TapiGen cannot evaluate, located in the header.</summary>
    internal sealed record HeaderProblem(string Message, string Path, int Line, int Column);

    /// <summary>
    /// What the listed headers say about one manifest's enum: found and evaluated (<paramref name="Enum"/>), found
    /// but not evaluated (<paramref name="Problems"/>), or not found. <paramref name="HeaderCount"/> is how many
    /// headers are listed (0: no verification at all). When not found, <paramref name="Unread"/> holds the listed
    /// headers that were not read at all (path and why), any of which may declare it.
    /// </summary>
    internal sealed record HeaderLookup(HeaderEnum? Enum, EquatableArray<HeaderProblem> Problems, int HeaderCount, EquatableArray<HeaderProblem> Unread)
    {
        public static readonly HeaderLookup NoHeaders = new HeaderLookup(null, EquatableArray<HeaderProblem>.Empty, 0, EquatableArray<HeaderProblem>.Empty);
    }
}
