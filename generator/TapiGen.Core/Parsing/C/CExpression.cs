using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>The names an expression may use besides literals: enumeration constants and type names for casts.</summary>
    internal interface ICSymbols
    {
        /// <summary>An enumeration constant (an earlier member, or a member of another enum in a listed header).</summary>
        bool TryGetConstant(string name, out CValue value);

        /// <summary>A typedef name usable in a cast besides the built-in ones (an enum's typedef: int).</summary>
        bool IsEnumTypeName(string name);
    }

    /// <summary>How identifiers that are no constant are treated.</summary>
    internal enum CMode
    {
        /// <summary>An enumerator's value: an unknown name is an error.</summary>
        Constant,

        /// <summary>A '#if' condition: an unknown name makes the result unknown instead (see <see cref="CValue.IsUnknown"/>).</summary>
        Condition,
    }

    /// <summary>What an evaluation gave: a value, or why not and at which token.</summary>
    internal readonly struct CResult
    {
        private CResult(CValue value, string? error, CToken errorAt, string? unknownName, bool sawHex)
        {
            Value = value;
            Error = error;
            ErrorAt = errorAt;
            UnknownName = unknownName;
            SawHex = sawHex;
        }

        public bool Ok => Error is null;

        public CValue Value { get; }

        public string? Error { get; }

        /// <summary>Where the problem is (the first token for an empty expression).</summary>
        public CToken ErrorAt { get; }

        /// <summary>When the error is a name that is no constant: that name.</summary>
        public string? UnknownName { get; }

        /// <summary>A hexadecimal literal took part (the member is then written in hexadecimal).</summary>
        public bool SawHex { get; }

        public static CResult Success(CValue value, bool sawHex) => new CResult(value, null, default, null, sawHex);

        public static CResult Failure(string error, CToken at, string? unknownName = null) => new CResult(default, error, at, unknownName, false);
    }

    /// <summary>
    /// Evaluates a C integer constant expression, after macro expansion, as an MSVC x64 compiler does: literals get
    /// their C types, operands the usual arithmetic conversions, results wrap at the type's width. Operators: the
    /// conditional, logical, bitwise, equality, relational, shift, additive and multiplicative ones, unary + - ~ !,
    /// parentheses and casts to integer types. Nesting is bounded, so hostile input cannot exhaust the stack.
    /// </summary>
    internal sealed class CExpression
    {
        /// <summary>The forms a value may take, for messages and the README (one source of truth; a test checks the README).</summary>
        public const string AcceptedForms =
            "a C constant expression: decimal, 0x hexadecimal or 0-prefixed octal numbers (C suffixes such as u, l and ull allowed), "
            + "character constants, names of earlier members, parentheses, casts to integer types such as (int) or (DWORD), "
            + "and the operators + - * / % << >> & | ^ ~ ! and comparisons";

        private const int MaxDepth = 200;

        private readonly IReadOnlyList<CToken> _tokens;
        private readonly ICSymbols _symbols;
        private readonly CMode _mode;
        private int _pos;
        private int _depth;
        private bool _sawHex;

        private CExpression(IReadOnlyList<CToken> tokens, ICSymbols symbols, CMode mode)
        {
            _tokens = tokens;
            _symbols = symbols;
            _mode = mode;
        }

        public static CResult Evaluate(IReadOnlyList<CToken> tokens, ICSymbols symbols, CMode mode)
        {
            if (tokens.Count == 0)
            {
                return CResult.Failure("there is no expression", default);
            }

            var parser = new CExpression(tokens, symbols, mode);
            try
            {
                CValue value = parser.Conditional();
                if (parser._pos < tokens.Count)
                {
                    CToken extra = tokens[parser._pos];
                    return CResult.Failure("'" + extra.Text + "' is not expected here", extra);
                }

                return CResult.Success(value, parser._sawHex);
            }
            catch (EvaluationException e)
            {
                return CResult.Failure(e.Message, e.At, e.UnknownName);
            }
        }

        private CValue Conditional()
        {
            Enter();
            CValue condition = LogicalOr();
            if (!TryConsume("?"))
            {
                Leave();
                return condition;
            }

            CValue whenTrue = Conditional();
            Expect(":");
            CValue whenFalse = Conditional();
            Leave();
            if (!condition.IsKnown && !condition.IsNewest)
            {
                return condition;
            }

            if (!whenTrue.IsKnown || !whenFalse.IsKnown)
            {
                return IsTrue(condition) ? whenTrue : whenFalse;
            }

            CType type = CType.Common(whenTrue.Type, whenFalse.Type);
            return CValue.Of(IsTrue(condition) ? whenTrue.Value : whenFalse.Value, type);
        }

        private CValue LogicalOr()
        {
            CValue left = LogicalAnd();
            while (TryConsume("||"))
            {
                CValue right = LogicalAnd();
                left = Truth(left) == true || Truth(right) == true ? CValue.Bool(true)
                    : Truth(left) == false && Truth(right) == false ? CValue.Bool(false)
                    : UnknownOf(left, right);
            }

            return left;
        }

        private CValue LogicalAnd()
        {
            CValue left = Binary(0);
            while (TryConsume("&&"))
            {
                CValue right = Binary(0);
                left = Truth(left) == false || Truth(right) == false ? CValue.Bool(false)
                    : Truth(left) == true && Truth(right) == true ? CValue.Bool(true)
                    : UnknownOf(left, right);
            }

            return left;
        }

        // Binary operators from the loosest to the tightest binding, one level per entry.
        private static readonly string[][] s_levels =
        {
            new[] { "|" },
            new[] { "^" },
            new[] { "&" },
            new[] { "==", "!=" },
            new[] { "<", ">", "<=", ">=" },
            new[] { "<<", ">>" },
            new[] { "+", "-" },
            new[] { "*", "/", "%" },
        };

        private CValue Binary(int level)
        {
            if (level == s_levels.Length)
            {
                return Unary();
            }

            CValue left = Binary(level + 1);
            while (_pos < _tokens.Count && _tokens[_pos].Kind == CTokenKind.Punctuator && Array.IndexOf(s_levels[level], _tokens[_pos].Text) >= 0)
            {
                CToken op = _tokens[_pos++];
                CValue right = Binary(level + 1);
                left = Apply(op, left, right);
            }

            return left;
        }

        private CValue Unary()
        {
            Enter();
            try
            {
                CToken token = Peek("a value");
                if (token.Is("-") && _pos + 1 < _tokens.Count && IsDecimalLiteral(_tokens[_pos + 1]))
                {
                    // '-2147483648' is the negative number it reads as (C would negate a long long 2147483648, with the
                    // same result, but cannot write -9223372036854775808 at all): pages write values this way.
                    _pos++;
                    return NegativeDecimal(_tokens[_pos++]);
                }

                if (token.Is("-") || token.Is("+") || token.Is("~") || token.Is("!"))
                {
                    _pos++;
                    CValue operand = Unary();
                    if (!operand.IsKnown)
                    {
                        return token.Is("!") && operand.IsNewest ? CValue.Bool(false) : operand.IsNewest ? CValue.Unknown("NTDDI_VERSION") : operand;
                    }

                    CType type = operand.Type.Promoted;
                    switch (token.Text)
                    {
                        case "-":
                            return CValue.Of(-operand.Value, type);
                        case "+":
                            return CValue.Of(operand.Value, type);
                        case "~":
                            return CValue.Of(-operand.Value - 1, type);
                        default:
                            return CValue.Bool(operand.Value.IsZero);
                    }
                }

                if (token.Is("(") && TryReadCast(out CType castType))
                {
                    CValue operand = Unary();
                    return operand.IsKnown ? CValue.Of(operand.Value, castType) : operand;
                }

                return Primary();
            }
            finally
            {
                Leave();
            }
        }

        private CValue Primary()
        {
            CToken token = Peek("a value");
            _pos++;
            switch (token.Kind)
            {
                case CTokenKind.Number:
                    if (!CLiteral.TryParseInteger(token.Text, out CValue number, out bool hex, out string? why))
                    {
                        throw new EvaluationException(why!, token);
                    }

                    _sawHex |= hex;
                    return number;
                case CTokenKind.Char:
                    if (!CLiteral.TryParseChar(token.Text, out CValue character, out string? bad))
                    {
                        throw new EvaluationException(bad!, token);
                    }

                    return character;
                case CTokenKind.Identifier:
                    return Identifier(token);
                case CTokenKind.Punctuator when token.Text == "(":
                    CValue inner = Conditional();
                    Expect(")");
                    return inner;
                default:
                    throw new EvaluationException("'" + token.Text + "' is not a value", token);
            }
        }

        private static bool IsDecimalLiteral(CToken token)
            => token.Kind == CTokenKind.Number && token.Text[0] >= '1' && token.Text[0] <= '9';

        private static CValue NegativeDecimal(CToken literal)
        {
            if (!CLiteral.TryParseInteger(literal.Text, out CValue magnitude, out _, out string? why))
            {
                throw new EvaluationException(why!, literal);
            }

            BigInteger negative = -magnitude.Value;
            bool unsignedSuffix = literal.Text.IndexOf('u') >= 0 || literal.Text.IndexOf('U') >= 0;
            if (magnitude.Type.Signed || unsignedSuffix)
            {
                return CValue.Of(negative, magnitude.Type);
            }

            // Unsigned only for being above long long's range (9223372036854775808).
            if (CType.LongLong.Holds(negative))
            {
                return CValue.Of(negative, CType.LongLong);
            }

            throw new EvaluationException("'-" + literal.Text + "' is too small for any integer type", literal);
        }

        private CValue Identifier(CToken token)
        {
            if (_symbols.TryGetConstant(token.Text, out CValue value))
            {
                return value;
            }

            if (token.Text == "sizeof" || token.Text == "_Alignof" || token.Text == "__alignof")
            {
                throw new EvaluationException("'" + token.Text + "' depends on type layouts, which TapiGen does not compute", token);
            }

            if (_mode == CMode.Condition)
            {
                return CEnvironment.ConditionValue(token.Text);
            }

            throw new EvaluationException("'" + token.Text + "' is not a member, or a macro of a listed header, that TapiGen knows", token, token.Text);
        }

        private CValue Apply(CToken op, CValue left, CValue right)
        {
            if (!left.IsKnown || !right.IsKnown)
            {
                return Compare(op.Text, left, right);
            }

            switch (op.Text)
            {
                case "<<":
                case ">>":
                    CType shifted = left.Type.Promoted;
                    BigInteger count = right.Value;
                    if (count.Sign < 0 || count >= shifted.Bits)
                    {
                        throw new EvaluationException("a shift by " + count.ToString(CultureInfo.InvariantCulture) + " bits is undefined for a " + shifted.Bits.ToString(CultureInfo.InvariantCulture) + "-bit value", op);
                    }

                    return op.Text == "<<"
                        ? CValue.Of(left.Value << (int)count, shifted)
                        : CValue.Of(left.Value >> (int)count, shifted);
            }

            CType type = CType.Common(left.Type, right.Type);
            BigInteger a = type.Wrap(left.Value), b = type.Wrap(right.Value);
            switch (op.Text)
            {
                case "|":
                    return CValue.Of(a | b, type);
                case "^":
                    return CValue.Of(a ^ b, type);
                case "&":
                    return CValue.Of(a & b, type);
                case "==":
                    return CValue.Bool(a == b);
                case "!=":
                    return CValue.Bool(a != b);
                case "<":
                    return CValue.Bool(a < b);
                case ">":
                    return CValue.Bool(a > b);
                case "<=":
                    return CValue.Bool(a <= b);
                case ">=":
                    return CValue.Bool(a >= b);
                case "+":
                    return CValue.Of(a + b, type);
                case "-":
                    return CValue.Of(a - b, type);
                case "*":
                    return CValue.Of(a * b, type);
                default:
                    if (b.IsZero)
                    {
                        throw new EvaluationException("division by zero", op);
                    }

                    return CValue.Of(op.Text == "/" ? BigInteger.Divide(a, b) : BigInteger.Remainder(a, b), type);
            }
        }

        /// <summary>
        /// An operator with an unknown or 'newest version' operand: comparisons with the newest version are decided
        /// (it is above any number, known or not); anything else stays unknown.
        /// </summary>
        private static CValue Compare(string op, CValue left, CValue right)
        {
            if (left.IsNewest != right.IsNewest && !(left.IsNewest && right.IsNewest))
            {
                bool leftIsNewest = left.IsNewest;
                switch (op)
                {
                    case ">=":
                    case ">":
                        return CValue.Bool(leftIsNewest);
                    case "<=":
                    case "<":
                        return CValue.Bool(!leftIsNewest);
                    case "==":
                        return CValue.Bool(false);
                    case "!=":
                        return CValue.Bool(true);
                }
            }

            return UnknownOf(left, right);
        }

        private static CValue UnknownOf(CValue left, CValue right)
            => left.IsUnknown ? left : right.IsUnknown ? right : CValue.Unknown(left.IsNewest || right.IsNewest ? "NTDDI_VERSION" : "?");

        /// <summary>True, false, or null when unknown. The newest version is true (nonzero).</summary>
        private static bool? Truth(CValue value)
            => value.IsNewest ? true : value.IsKnown ? !value.Value.IsZero : (bool?)null;

        private static bool IsTrue(CValue value) => Truth(value) == true;

        /// <summary>At '(': a cast to an integer type, which is consumed, or else nothing is.</summary>
        private bool TryReadCast(out CType type)
        {
            type = default;
            int p = _pos + 1;
            var words = new List<string>();
            while (p < _tokens.Count && _tokens[p].Kind == CTokenKind.Identifier)
            {
                words.Add(_tokens[p].Text);
                p++;
            }

            if (words.Count == 0 || p >= _tokens.Count)
            {
                return false;
            }

            if (_tokens[p].Is("*"))
            {
                if (CTypes.IsTypeName(words, _symbols))
                {
                    throw new EvaluationException("a cast to a pointer type is not an integer constant", _tokens[p]);
                }

                return false;
            }

            if (!_tokens[p].Is(")") || !CTypes.TryResolve(words, _symbols, out type))
            {
                return false;
            }

            _pos = p + 1;
            return true;
        }

        private CToken Peek(string expected)
        {
            if (_pos >= _tokens.Count)
            {
                CToken last = _tokens[_tokens.Count - 1];
                throw new EvaluationException("the expression ends where " + expected + " should be", last);
            }

            return _tokens[_pos];
        }

        private bool TryConsume(string punctuator)
        {
            if (_pos < _tokens.Count && _tokens[_pos].Is(punctuator))
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(string punctuator)
        {
            CToken token = Peek("'" + punctuator + "'");
            if (!token.Is(punctuator))
            {
                throw new EvaluationException("'" + punctuator + "' is missing before '" + token.Text + "'", token);
            }

            _pos++;
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw new EvaluationException("the expression is nested too deeply", _tokens[Math.Min(_pos, _tokens.Count - 1)]);
            }
        }

        private void Leave() => _depth--;

        private sealed class EvaluationException : Exception
        {
            public EvaluationException(string message, CToken at, string? unknownName = null)
                : base(message)
            {
                At = at;
                UnknownName = unknownName;
            }

            public CToken At { get; }

            public string? UnknownName { get; }
        }
    }
}
