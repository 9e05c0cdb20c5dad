using System;
using System.Collections.Generic;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// Replaces macros in a token list as the C preprocessor does: object-like and function-like macros (arguments
    /// expanded first, then substituted, then the result rescanned), never re-expanding a macro inside its own
    /// expansion. In a '#if', <c>defined X</c> becomes 1, 0, or a marker the evaluator reads as unknown. Expanded
    /// tokens carry the position of the name they replace, so errors point at the header line that uses them.
    /// '#' and '##' in a macro body are not supported: such a macro is reported, not guessed at.
    /// </summary>
    internal sealed class CMacroExpander
    {
        private const int MaxTokens = 100_000;
        private const int MaxDepth = 64;

        private readonly ICMacros _macros;
        private readonly CMode _mode;
        private int _produced;

        private CMacroExpander(ICMacros macros, CMode mode)
        {
            _macros = macros;
            _mode = mode;
        }

        /// <summary>The expanded tokens, or false with the reason and the token it concerns.</summary>
        public static bool TryExpand(IReadOnlyList<CToken> tokens, ICMacros macros, CMode mode, out List<CToken> expanded, out string? error, out CToken errorAt)
        {
            var expander = new CMacroExpander(macros, mode);
            try
            {
                expanded = expander.Expand(tokens, new HashSet<string>(StringComparer.Ordinal), 0, null);
                error = null;
                errorAt = default;
                return true;
            }
            catch (ExpansionException e)
            {
                expanded = new List<CToken>();
                error = e.Message;
                errorAt = e.At;
                return false;
            }
        }

        /// <param name="at">For tokens of a macro body: the use they stand for (their own positions are in the #define).</param>
        private List<CToken> Expand(IReadOnlyList<CToken> tokens, HashSet<string> hidden, int depth, CToken? at)
        {
            if (depth > MaxDepth)
            {
                throw new ExpansionException("macros nest more than " + MaxDepth + " deep", at ?? tokens[0]);
            }

            var result = new List<CToken>(tokens.Count);
            for (int i = 0; i < tokens.Count; i++)
            {
                CToken token = tokens[i];
                CToken place = at ?? token;
                if (token.Kind != CTokenKind.Identifier)
                {
                    Add(result, at is null ? token : token.At(place.Line, place.Column));
                    continue;
                }

                if (_mode == CMode.Condition && token.Text == "defined")
                {
                    i = Defined(tokens, i, result, place);
                    continue;
                }

                CMacro? macro = hidden.Contains(token.Text) ? null : _macros.Find(token.Text);
                if (macro is null || (macro.IsFunctionLike && !(i + 1 < tokens.Count && tokens[i + 1].Is("("))))
                {
                    Add(result, at is null ? token : token.At(place.Line, place.Column));
                    continue;
                }

                List<CToken> body;
                if (macro.IsFunctionLike)
                {
                    List<List<CToken>> arguments = ReadArguments(tokens, ref i, macro, place);
                    body = Substitute(macro, arguments, hidden, depth, place);
                }
                else
                {
                    CheckNoPasting(macro, place);
                    body = new List<CToken>(macro.Body);
                }

                var inner = new HashSet<string>(hidden, StringComparer.Ordinal) { macro.Name };
                foreach (CToken t in Expand(body, inner, depth + 1, place))
                {
                    Add(result, t);
                }
            }

            return result;
        }

        /// <summary>'defined X' or 'defined ( X )' at <paramref name="i"/>: 1, 0, or the unknown marker. Returns the last index used.</summary>
        private int Defined(IReadOnlyList<CToken> tokens, int i, List<CToken> result, CToken place)
        {
            int p = i + 1;
            bool parenthesized = p < tokens.Count && tokens[p].Is("(");
            if (parenthesized)
            {
                p++;
            }

            if (p >= tokens.Count || tokens[p].Kind != CTokenKind.Identifier || (parenthesized && !(p + 1 < tokens.Count && tokens[p + 1].Is(")"))))
            {
                throw new ExpansionException("'defined' must be followed by a macro name", tokens[Math.Min(p, tokens.Count - 1)]);
            }

            string name = tokens[p].Text;
            bool? defined = _macros.IsDefined(name);
            result.Add(defined.HasValue
                ? new CToken(CTokenKind.Number, defined.Value ? "1" : "0", place.Line, place.Column)
                : new CToken(CTokenKind.Identifier, name, place.Line, place.Column));
            return parenthesized ? p + 1 : p;
        }

        private static List<List<CToken>> ReadArguments(IReadOnlyList<CToken> tokens, ref int i, CMacro macro, CToken place)
        {
            var arguments = new List<List<CToken>> { new List<CToken>() };
            int depth = 0;
            int p = i + 2; // past the name and '('
            for (; p < tokens.Count; p++)
            {
                CToken t = tokens[p];
                if (t.Is("(") )
                {
                    depth++;
                }
                else if (t.Is(")"))
                {
                    if (depth-- == 0)
                    {
                        break;
                    }
                }
                else if (t.Is(",") && depth == 0)
                {
                    arguments.Add(new List<CToken>());
                    continue;
                }

                arguments[arguments.Count - 1].Add(t);
            }

            if (p >= tokens.Count)
            {
                throw new ExpansionException("the arguments of macro '" + macro.Name + "' have no closing ')'", place);
            }

            i = p;
            if (macro.Parameters.Count == 0 && arguments.Count == 1 && arguments[0].Count == 0)
            {
                arguments.Clear();
            }

            if (arguments.Count != macro.Parameters.Count)
            {
                throw new ExpansionException("macro '" + macro.Name + "' takes " + macro.Parameters.Count + " arguments, but is given " + arguments.Count, place);
            }

            return arguments;
        }

        private List<CToken> Substitute(CMacro macro, List<List<CToken>> arguments, HashSet<string> hidden, int depth, CToken place)
        {
            CheckNoPasting(macro, place);
            var expandedArguments = new List<List<CToken>>(arguments.Count);
            foreach (List<CToken> argument in arguments)
            {
                expandedArguments.Add(argument.Count == 0 ? argument : Expand(argument, hidden, depth + 1, null));
            }

            var body = new List<CToken>();
            foreach (CToken t in macro.Body)
            {
                int index = t.Kind == CTokenKind.Identifier ? IndexOf(macro, t.Text) : -1;
                if (index >= 0)
                {
                    foreach (CToken a in expandedArguments[index])
                    {
                        Add(body, a);
                    }
                }
                else
                {
                    Add(body, t);
                }
            }

            return body;
        }

        private static int IndexOf(CMacro macro, string name)
        {
            for (int k = 0; k < macro.Parameters.Count; k++)
            {
                if (macro.Parameters[k] == name)
                {
                    return k;
                }
            }

            return -1;
        }

        private static void CheckNoPasting(CMacro macro, CToken place)
        {
            foreach (CToken t in macro.Body)
            {
                if (t.Is("#") || t.Is("##"))
                {
                    throw new ExpansionException("macro '" + macro.Name + "' (" + macro.File + " line " + (macro.Line + 1) + ") uses '" + t.Text + "', which TapiGen does not expand", place);
                }
            }
        }

        private void Add(List<CToken> list, CToken token)
        {
            if (++_produced > MaxTokens)
            {
                throw new ExpansionException("macro expansion produces more than " + MaxTokens + " tokens", token);
            }

            list.Add(token);
        }

        private sealed class ExpansionException : Exception
        {
            public ExpansionException(string message, CToken at)
                : base(message)
            {
                At = at;
            }

            public CToken At { get; }
        }
    }
}
