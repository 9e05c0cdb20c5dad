using System;
using System.Collections.Generic;
using System.Numerics;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// A value a page states in prose at the very start of a member's description, as <c>ne-shobjidl_core-sigdn.md</c>
    /// does: "(int)0x80018001. Returns the parsing name...". Only a hexadecimal number, a negative number or a number
    /// after a cast counts, followed by the end of the line or '.', ',', ';' or ')': "2 channels" and numbered lists
    /// ("1. Open...") are prose.
    /// </summary>
    internal readonly struct StatedValue
    {
        private static readonly Dictionary<string, BigInteger> s_noMembers = new Dictionary<string, BigInteger>();

        private StatedValue(int start, int end, string numberText, BigInteger value, bool isHex, bool hasCast, bool isCertain)
        {
            Start = start;
            End = end;
            NumberText = numberText;
            Value = value;
            IsHex = isHex;
            HasCast = hasCast;
            IsCertain = isCertain;
        }

        /// <summary>Column where the statement starts (the cast or the number).</summary>
        public int Start { get; }

        /// <summary>Column just past the number.</summary>
        public int End { get; }

        /// <summary>The number as written, without the cast.</summary>
        public string NumberText { get; }

        /// <summary>The value, after the cast: <c>(int)0x80018001</c> is -2147385343, as C reads it.</summary>
        public BigInteger Value { get; }

        public bool IsHex { get; }

        public bool HasCast { get; }

        /// <summary>False when a cast to a type we do not know ("(BYTE)0x80") leaves the value in doubt.</summary>
        public bool IsCertain { get; }

        public static bool TryRead(string line, out StatedValue stated)
        {
            stated = default;
            int p = 0;
            while (p < line.Length && (char.IsWhiteSpace(line[p]) || line[p] == '\uFEFF'))
            {
                p++;
            }

            int start = p;
            string? cast = null;
            if (p < line.Length && line[p] == '(')
            {
                int close = line.IndexOf(')', p);
                if (close > p + 1 && close - p <= 24 && IsTypeName(line, p + 1, close))
                {
                    cast = line.Substring(p, close - p + 1);
                    p = close + 1;
                }
            }

            int numberStart = p;
            if (p < line.Length && line[p] == '-')
            {
                p++;
            }

            int digits = p;
            bool isHex = p + 1 < line.Length && line[p] == '0' && (line[p + 1] == 'x' || line[p + 1] == 'X');
            if (isHex)
            {
                p += 2;
                while (p < line.Length && Uri.IsHexDigit(line[p]) && p - digits <= 34)
                {
                    p++;
                }
            }
            else
            {
                while (p < line.Length && line[p] >= '0' && line[p] <= '9' && p - digits <= 40)
                {
                    p++;
                }
            }

            bool hasNumber = isHex ? p > digits + 2 : p > digits;
            bool endsThere = p >= line.Length || line[p] == '.' || line[p] == ',' || line[p] == ')' || line[p] == ';';
            bool isNegative = digits > numberStart;
            if (!hasNumber || !endsThere || !(cast is not null || isNegative || isHex))
            {
                return false;
            }

            string number = line.Substring(numberStart, p - numberStart);
            C.CResult plain = PageValue.Evaluate(number, s_noMembers, out _);
            if (!plain.Ok)
            {
                return false;
            }

            BigInteger value = plain.Value.Value;

            bool certain = true;
            if (cast is not null)
            {
                // The evaluator knows the integer types C headers cast to; any other leaves the number as written.
                C.CResult converted = PageValue.Evaluate(cast + number, s_noMembers, out _);
                if (converted.Ok)
                {
                    value = converted.Value.Value;
                }
                else
                {
                    certain = false;
                }
            }

            stated = new StatedValue(start, p, number, value, isHex, cast is not null, certain);
            return true;
        }

        private static bool IsTypeName(string s, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (!char.IsLetterOrDigit(s[i]) && s[i] != '_' && s[i] != ' ')
                {
                    return false;
                }
            }

            return char.IsLetter(s[start]) || s[start] == '_';
        }
    }
}
