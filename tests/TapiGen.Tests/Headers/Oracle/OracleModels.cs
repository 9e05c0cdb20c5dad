using System.Collections.Generic;
using System.Numerics;

namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>An enumerator and the value the C compiler gave it.</summary>
    public sealed record OracleMember(string Name, BigInteger Value);

    /// <summary>
    /// An enum the C compiler evaluated. <paramref name="Tag"/> is the name after <c>enum</c>; <paramref name="TypedefNames"/>
    /// the names a <c>typedef enum ... { } NAME, *PNAME;</c> declares (empty without typedef). Both absent: an anonymous
    /// enum, reported too (its members are often what other enums refer to); filter on them to get the named ones.
    /// <paramref name="Line"/> is the 1-based line of the <c>enum</c> keyword in <paramref name="HeaderPath"/>.
    /// Members are in declaration order, after the compiler's preprocessor chose the #if branches inside the body.
    /// </summary>
    public sealed record OracleEnum(string? Tag, IReadOnlyList<string> TypedefNames, string HeaderPath, int Line, IReadOnlyList<OracleMember> Members)
    {
        public bool IsAnonymous => Tag is null && TypedefNames.Count == 0;

        /// <summary>The tag, else the first typedef name, else &lt;anonymous&gt;.</summary>
        public string DisplayName => Tag ?? (TypedefNames.Count > 0 ? TypedefNames[0] : "<anonymous>");
    }

    /// <summary>
    /// What the oracle evaluated, in header order then text order, and what it could not, one line each:
    /// <c>path(line): enum NAME: reason</c> for an enum, <c>path: reason</c> for a whole header. Reasons start with
    /// one of the <see cref="CCompilerOracle"/> reason prefixes (inactive, does not compile, ...).
    /// </summary>
    public sealed record OracleResult(IReadOnlyList<OracleEnum> Enums, IReadOnlyList<string> Failures);
}
