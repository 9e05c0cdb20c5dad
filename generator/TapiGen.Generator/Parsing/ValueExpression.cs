using System;
using System.Collections.Generic;
using System.Numerics;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Evaluates a member value as C headers write it: decimal or 0x hexadecimal literals (with optional u/l
    /// suffixes), names of earlier members, unary minus and '~', parentheses, casts to 32-bit types ('(int)',
    /// '(DWORD)'), '|', '+' and '&lt;&lt;'. Nesting is bounded, so hostile input cannot exhaust the stack.
    /// Arbitrary precision, so a range check can come afterwards.
    /// </summary>
    internal sealed class ValueExpression
    {
        private readonly string _text;
        private readonly IReadOnlyDictionary<string, BigInteger> _earlier;
        private int _pos;

        private ValueExpression(string text, IReadOnlyDictionary<string, BigInteger> earlier)
        {
            _text = text;
            _earlier = earlier;
        }

        /// <summary>What an evaluation found.</summary>
        internal enum Outcome
        {
            Ok,
            Invalid,
            UnknownReference,
        }

        /// <param name="text">The value text.</param>
        /// <param name="earlier">Members declared before this one, with their values.</param>
        /// <param name="value">The value, when <see cref="Outcome.Ok"/>.</param>
        /// <param name="detail">The unknown name, for <see cref="Outcome.UnknownReference"/>.</param>
        /// <param name="isHex">Whether the value was written in hexadecimal.</param>
        /// <param name="reference">The single member name the value consists of, if it is just that.</param>
        public static Outcome Evaluate(
            string text,
            IReadOnlyDictionary<string, BigInteger> earlier,
            out BigInteger value,
            out string? detail,
            out bool isHex,
            out string? reference)
        {
            var parser = new ValueExpression(text, earlier);
            value = default;
            detail = null;
            isHex = false;
            reference = null;
            string trimmed = text.Trim();
            if (trimmed.Length > 0 && IsIdentifierStart(trimmed[0]) && IsIdentifierToken(trimmed))
            {
                reference = trimmed;
            }

            try
            {
                value = parser.ParseOr(depth: 0);
                parser.SkipSpace();
                if (parser._pos != text.Length)
                {
                    return Outcome.Invalid;
                }

                isHex = parser._sawHex;
                return Outcome.Ok;
            }
            catch (UnknownReferenceException e)
            {
                detail = e.Name;
                return Outcome.UnknownReference;
            }
            catch (FormatException)
            {
                return Outcome.Invalid;
            }
        }

        private bool _sawHex;

        private BigInteger ParseOr(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException();
            }

            BigInteger left = ParseAdd(depth);
            while (TryConsume("|"))
            {
                left |= ParseAdd(depth);
            }

            return left;
        }

        private BigInteger ParseAdd(int depth)
        {
            BigInteger left = ParseShift(depth);
            while (TryConsume("+"))
            {
                left += ParseShift(depth);
            }

            return left;
        }

        private BigInteger ParseShift(int depth)
        {
            BigInteger left = ParseUnary(depth);
            if (TryConsume("<<"))
            {
                BigInteger count = ParseUnary(depth);
                if (count < 0 || count > 64)
                {
                    throw new FormatException();
                }

                left <<= (int)count;
            }

            return left;
        }

        private BigInteger ParseUnary(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException();
            }

            if (TryConsume("-"))
            {
                return -ParseUnary(depth + 1);
            }

            if (TryConsume("~"))
            {
                // C's ~ on a 32-bit enum constant; wider values are not written this way in the SDK.
                return -ParseUnary(depth + 1) - 1;
            }

            return ParsePrimary(depth);
        }

        private BigInteger ParsePrimary(int depth)
        {
            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw new FormatException();
            }

            char c = _text[_pos];
            if (c == '(' && TryReadCast(out bool signed))
            {
                return Cast(ParseUnary(depth + 1), signed);
            }

            if (c == '(')
            {
                _pos++;
                BigInteger inner = ParseOr(depth + 1);
                if (!TryConsume(")"))
                {
                    throw new FormatException();
                }

                return inner;
            }

            if (c >= '0' && c <= '9')
            {
                return ParseNumber();
            }

            if (IsIdentifierStart(c))
            {
                int start = _pos;
                while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
                {
                    _pos++;
                }

                string name = _text.Substring(start, _pos - start);
                if (_earlier.TryGetValue(name, out BigInteger v))
                {
                    return v;
                }

                throw new UnknownReferenceException(name);
            }

            throw new FormatException();
        }

        private BigInteger ParseNumber()
        {
            int start = _pos;
            BigInteger result = BigInteger.Zero;
            if (_pos + 1 < _text.Length && _text[_pos] == '0' && (_text[_pos + 1] == 'x' || _text[_pos + 1] == 'X'))
            {
                _pos += 2;
                int digitsStart = _pos;
                while (_pos < _text.Length && Uri.IsHexDigit(_text[_pos]))
                {
                    result = (result << 4) + HexValue(_text[_pos]);
                    _pos++;
                    if (_pos - digitsStart > 32)
                    {
                        throw new FormatException();
                    }
                }

                if (_pos == digitsStart)
                {
                    throw new FormatException();
                }

                _sawHex = true;
            }
            else
            {
                while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
                {
                    result = (result * 10) + (_text[_pos] - '0');
                    _pos++;
                    if (_pos - start > 40)
                    {
                        throw new FormatException();
                    }
                }
            }

            // C integer suffixes: u, l, ul, ll, ull in any case.
            int suffix = 0;
            while (_pos < _text.Length && (_text[_pos] == 'u' || _text[_pos] == 'U' || _text[_pos] == 'l' || _text[_pos] == 'L') && suffix < 3)
            {
                _pos++;
                suffix++;
            }

            if (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                throw new FormatException();
            }

            return result;
        }

        /// <summary>
        /// A C cast to a 32-bit type, "(int)" or "(DWORD)", as pages write values such as <c>(int)0x80018001</c>.
        /// Leaves the position alone when the parenthesis holds anything else.
        /// </summary>
        private bool TryReadCast(out bool signed)
        {
            signed = false;
            int close = _text.IndexOf(')', _pos);
            if (close < 0 || close - _pos > 24)
            {
                return false;
            }

            string type = string.Join(" ", _text.Substring(_pos + 1, close - _pos - 1).Split(Spaces, StringSplitOptions.RemoveEmptyEntries));
            if (Array.IndexOf(SignedCasts, type) >= 0)
            {
                signed = true;
            }
            else if (Array.IndexOf(UnsignedCasts, type) < 0)
            {
                return false;
            }

            _pos = close + 1;
            return true;
        }

        /// <summary>Converts as MSVC does for a 32-bit value: the same bits, read as signed or unsigned.</summary>
        private static BigInteger Cast(BigInteger value, bool signed)
        {
            if (value < s_int32Min || value > s_uint32Max)
            {
                throw new FormatException();
            }

            if (signed && value > s_int32Max)
            {
                return value - s_two32;
            }

            return !signed && value.Sign < 0 ? value + s_two32 : value;
        }

        private const int MaxDepth = 64;
        private static readonly char[] Spaces = { ' ', '\t' };
        private static readonly string[] SignedCasts = { "int", "INT", "long", "LONG", "signed", "signed int", "INT32", "LONG32", "HRESULT" };
        private static readonly string[] UnsignedCasts = { "unsigned", "unsigned int", "unsigned long", "UINT", "UINT32", "ULONG", "ULONG32", "DWORD" };
        private static readonly BigInteger s_int32Min = int.MinValue;
        private static readonly BigInteger s_int32Max = int.MaxValue;
        private static readonly BigInteger s_uint32Max = uint.MaxValue;
        private static readonly BigInteger s_two32 = BigInteger.One << 32;

        private static int HexValue(char c)
            => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private bool TryConsume(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0 && _pos + token.Length <= _text.Length)
            {
                _pos += token.Length;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

        private static bool IsIdentifierToken(string s)
        {
            foreach (char c in s)
            {
                if (!IsIdentifierPart(c))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class UnknownReferenceException : Exception
        {
            public UnknownReferenceException(string name) => Name = name;

            public string Name { get; }
        }
    }
}
