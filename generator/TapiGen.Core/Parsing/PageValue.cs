using System.Collections.Generic;
using System.Numerics;
using TapiGen.Generator.Parsing.C;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// A member value written on a page or in an overrides file (<c>0x10</c>, <c>CS_QUEUED</c>, <c>(int)0x80018001</c>),
    /// evaluated by the same C evaluator as header values, so a page and its header agree on what a text means.
    /// </summary>
    internal static class PageValue
    {
        /// <param name="text">The value text.</param>
        /// <param name="earlier">The members declared before, with their values.</param>
        /// <param name="reference">The earlier member the value consists of, when it is just that name.</param>
        public static CResult Evaluate(string text, IReadOnlyDictionary<string, BigInteger> earlier, out string? reference)
        {
            List<CToken> tokens = CLexer.Tokenize(text);
            reference = tokens.Count == 1 && tokens[0].Kind == CTokenKind.Identifier && earlier.ContainsKey(tokens[0].Text) ? tokens[0].Text : null;
            if (text.IndexOf("/*", System.StringComparison.Ordinal) >= 0 || text.IndexOf("//", System.StringComparison.Ordinal) >= 0)
            {
                // A header's comments are stripped; a page's value is only a value.
                return CResult.Failure("a value has no comments", tokens.Count > 0 ? tokens[0] : default);
            }

            CResult result = CExpression.Evaluate(tokens, new Members(earlier), CMode.Constant);
            if (!result.Ok && IsLoneLiteral(tokens, out CToken literal, out bool negative)
                && !CLiteral.TryParseInteger(literal.Text, out _, out bool isHex, out _, out BigInteger? tooLarge) && tooLarge.HasValue)
            {
                // A number no C type holds is still the number the page states: the range check (TG0009) says what is wrong.
                return CResult.Success(CValue.Of(negative ? -tooLarge.Value : tooLarge.Value, Unbounded), isHex);
            }

            return result;
        }

        /// <summary>Wide enough for any literal of up to 70 digits, so the exact value survives to the range check.</summary>
        private static readonly CType Unbounded = CType.Wide;

        private static bool IsLoneLiteral(List<CToken> tokens, out CToken literal, out bool negative)
        {
            negative = tokens.Count == 2 && tokens[0].Is("-");
            literal = tokens.Count > 0 ? tokens[tokens.Count - 1] : default;
            return (tokens.Count == 1 || negative) && literal.Kind == CTokenKind.Number;
        }

        private sealed class Members : ICSymbols
        {
            private readonly IReadOnlyDictionary<string, BigInteger> _earlier;

            public Members(IReadOnlyDictionary<string, BigInteger> earlier) => _earlier = earlier;

            public bool TryGetConstant(string name, out CValue value)
            {
                bool found = _earlier.TryGetValue(name, out BigInteger v);
                value = found ? CValue.Enumerator(v) : default;
                return found;
            }

            public bool IsEnumTypeName(string name) => false;
        }
    }
}
