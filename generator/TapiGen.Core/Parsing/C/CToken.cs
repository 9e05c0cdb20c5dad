using System;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>What a C token is.</summary>
    internal enum CTokenKind
    {
        Identifier,

        /// <summary>An integer literal as written, suffix included ("0x10u", "0755", "42").</summary>
        Number,

        /// <summary>A character constant with its quotes ("'A'", "'\\n'").</summary>
        Char,

        /// <summary>A string literal with its quotes.</summary>
        String,

        Punctuator,
    }

    /// <summary>
    /// One C token and where it starts: 0-based line and column in its file. A value, so lists of tokens can live in
    /// cached pipeline models.
    /// </summary>
    internal readonly struct CToken : IEquatable<CToken>
    {
        public CToken(CTokenKind kind, string text, int line, int column)
        {
            Kind = kind;
            Text = text;
            Line = line;
            Column = column;
        }

        public CTokenKind Kind { get; }

        public string Text { get; }

        public int Line { get; }

        public int Column { get; }

        public bool Is(string punctuator) => Kind == CTokenKind.Punctuator && Text == punctuator;

        public bool IsIdentifier(string name) => Kind == CTokenKind.Identifier && Text == name;

        /// <summary>The same token, as if written at another place (macro expansion reports errors at the use).</summary>
        public CToken At(int line, int column) => new CToken(Kind, Text, line, column);

        public bool Equals(CToken other)
            => Kind == other.Kind && Line == other.Line && Column == other.Column && string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is CToken other && Equals(other);

        public override int GetHashCode() => unchecked((((Text?.GetHashCode() ?? 0) * 31 + Line) * 31) + Column);

        public override string ToString() => Text;
    }
}
