using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// Splits C source into tokens, as the translation phases 1-3 of a C compiler see them: backslash-newlines join
    /// lines, comments become white space, and each token knows whether it starts a logical line (so '#' there starts
    /// a directive). Never throws: a character it does not know becomes a one-character punctuator for the parser to
    /// reject.
    /// </summary>
    internal sealed class CLexer
    {
        private static readonly string[] s_punctuators =
        {
            "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
            "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "::",
        };

        private readonly string _text;
        private readonly int _lineOffset;
        private readonly int _columnOffset;
        private int _pos;
        private int _line;
        private int _lineStart;
        private bool _atLineStart = true;

        /// <param name="text">The source.</param>
        /// <param name="line">The line the text starts on in its file (for token positions).</param>
        /// <param name="column">The column the text starts at on that line.</param>
        public CLexer(string text, int line = 0, int column = 0)
        {
            _text = text;
            _lineOffset = line;
            _columnOffset = column;
        }

        /// <summary>The 0-based line the next token would start on, in file terms.</summary>
        public int Line => _line + _lineOffset;

        /// <summary>Tokens of a whole text that holds no directives (a value from a page or an overrides file).</summary>
        public static List<CToken> Tokenize(string text, int line = 0, int column = 0)
        {
            var lexer = new CLexer(text, line, column);
            var tokens = new List<CToken>();
            while (lexer.Next(out CToken token, out _))
            {
                tokens.Add(token);
            }

            return tokens;
        }

        /// <summary>The next token; <paramref name="atLineStart"/> tells whether it is the first of its logical line.</summary>
        public bool Next(out CToken token, out bool atLineStart)
        {
            SkipSpaceAndComments(stopAtNewline: false);
            atLineStart = _atLineStart;
            _atLineStart = false;
            if (_pos >= _text.Length)
            {
                token = default;
                return false;
            }

            token = Read();
            return true;
        }

        /// <summary>The remaining tokens of the current logical line (a directive's), leaving the lexer at the next line.</summary>
        public List<CToken> RestOfLine()
        {
            var tokens = new List<CToken>();
            while (true)
            {
                SkipSpaceAndComments(stopAtNewline: true);
                if (_pos >= _text.Length || _text[_pos] == '\n' || _text[_pos] == '\r')
                {
                    break;
                }

                tokens.Add(Read());
            }

            _atLineStart = true;
            return tokens;
        }

        private CToken Read()
        {
            int line = _line + _lineOffset;
            int column = _pos - _lineStart + (_line == 0 ? _columnOffset : 0);
            char c = _text[_pos];
            if (IsIdentifierStart(c))
            {
                string name = ReadWhile(IsIdentifierPart);
                if (_pos < _text.Length && (_text[_pos] == '\'' || _text[_pos] == '"') && (name == "L" || name == "u" || name == "U" || name == "u8"))
                {
                    string quoted = ReadQuoted(_text[_pos]);
                    return new CToken(quoted[0] == '\'' ? CTokenKind.Char : CTokenKind.String, name + quoted, line, column);
                }

                return new CToken(CTokenKind.Identifier, name, line, column);
            }

            if (IsDigit(c) || (c == '.' && _pos + 1 < _text.Length && IsDigit(_text[_pos + 1])))
            {
                return new CToken(CTokenKind.Number, ReadNumber(), line, column);
            }

            if (c == '\'' || c == '"')
            {
                string quoted = ReadQuoted(c);
                return new CToken(c == '\'' ? CTokenKind.Char : CTokenKind.String, quoted, line, column);
            }

            foreach (string p in s_punctuators)
            {
                if (string.CompareOrdinal(_text, _pos, p, 0, p.Length) == 0)
                {
                    _pos += p.Length;
                    return new CToken(CTokenKind.Punctuator, p, line, column);
                }
            }

            _pos++;
            if (char.IsHighSurrogate(c) && _pos < _text.Length && char.IsLowSurrogate(_text[_pos]))
            {
                _pos++;
                return new CToken(CTokenKind.Punctuator, _text.Substring(_pos - 2, 2), line, column);
            }

            return new CToken(CTokenKind.Punctuator, c.ToString(), line, column);
        }

        /// <summary>A preprocessing number: digits, letters, '_', '.', and a sign after an exponent letter.</summary>
        private string ReadNumber()
        {
            int start = _pos;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (IsIdentifierPart(c) || c == '.')
                {
                    _pos++;
                }
                else if ((c == '+' || c == '-') && IsExponentLetter(_text[_pos - 1]))
                {
                    // As in C, "0xE+1" is one (invalid) number, not 0xE + 1.
                    _pos++;
                }
                else
                {
                    break;
                }
            }

            return _text.Substring(start, _pos - start);
        }

        private static bool IsExponentLetter(char c) => c == 'e' || c == 'E' || c == 'p' || c == 'P';

        private string ReadQuoted(char quote)
        {
            var sb = new StringBuilder();
            sb.Append(quote);
            _pos++;
            while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
            {
                char c = _text[_pos++];
                sb.Append(c);
                if (c == '\\' && _pos < _text.Length && _text[_pos] != '\n')
                {
                    sb.Append(_text[_pos++]);
                }
                else if (c == quote)
                {
                    break;
                }
            }

            return sb.ToString();
        }

        private string ReadWhile(System.Func<char, bool> accept)
        {
            int start = _pos;
            while (_pos < _text.Length && accept(_text[_pos]))
            {
                _pos++;
            }

            return _text.Substring(start, _pos - start);
        }

        private void SkipSpaceAndComments(bool stopAtNewline)
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\\' && _pos + 1 < _text.Length && (_text[_pos + 1] == '\n' || _text[_pos + 1] == '\r'))
                {
                    // A line continuation: the logical line goes on.
                    _pos++;
                    NewLine();
                }
                else if (c == '\n' || c == '\r')
                {
                    if (stopAtNewline)
                    {
                        return;
                    }

                    NewLine();
                    _atLineStart = true;
                }
                else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\u00A0' || c == '\uFEFF' || c == '\0')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                    {
                        // A line comment ending in a backslash continues on the next line, as in C.
                        if (_text[_pos] == '\\' && _pos + 1 < _text.Length && (_text[_pos + 1] == '\n' || _text[_pos + 1] == '\r'))
                        {
                            _pos++;
                            NewLine();
                            continue;
                        }

                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    _pos += 2;
                    while (_pos < _text.Length && !(_text[_pos] == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'))
                    {
                        if (_text[_pos] == '\n' || _text[_pos] == '\r')
                        {
                            NewLine();
                        }
                        else
                        {
                            _pos++;
                        }
                    }

                    _pos = System.Math.Min(_pos + 2, _text.Length);
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>Steps over one line break ("\n", "\r\n" or "\r") at the current position.</summary>
        private void NewLine()
        {
            if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos++;
            }

            _pos++;
            _line++;
            _lineStart = _pos;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        public static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (c > 0x7F && char.IsLetter(c));

        public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);
    }
}
