using System;
using System.Collections.Generic;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// Replaces macros in a token list as the C preprocessor does: object-like and function-like macros (arguments
    /// expanded first, then substituted, then the result rescanned), never re-expanding a macro inside its own
    /// expansion. In a '#if', <c>defined X</c> becomes 1, 0, or a marker the evaluator reads as unknown. Expanded
    /// tokens carry the position of the name they replace, so errors point at the header line that uses them.
    /// '##' pastes tokens; '#' (which makes a string, never an integer) is reported, not guessed at.
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
            => TryExpand(tokens, macros, mode, null, out expanded, out error, out errorAt);

        /// <param name="neverExpand">Names not to expand (an enum's own members, which another header may #define).</param>
        public static bool TryExpand(IReadOnlyList<CToken> tokens, ICMacros macros, CMode mode, IEnumerable<string>? neverExpand, out List<CToken> expanded, out string? error, out CToken errorAt)
        {
            var expander = new CMacroExpander(macros, mode);
            try
            {
                expanded = expander.Expand(tokens, new HashSet<string>(neverExpand ?? Array.Empty<string>(), StringComparer.Ordinal), 0, null);
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
                    CheckNoStringizing(macro, place);
                    body = Paste(new List<CToken>(macro.Body), macro, place);
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
            CheckNoStringizing(macro, place);
            var expandedArguments = new List<List<CToken>>(arguments.Count);
            foreach (List<CToken> argument in arguments)
            {
                expandedArguments.Add(argument.Count == 0 ? argument : Expand(argument, hidden, depth + 1, null));
            }

            // Parameters next to '##' take the argument as written; the others take it expanded. An empty argument next
            // to '##' leaves a placemarker, so 'X ## y' with y empty is X.
            var body = new List<CToken>();
            for (int i = 0; i < macro.Body.Count; i++)
            {
                CToken t = macro.Body[i];
                int index = t.Kind == CTokenKind.Identifier ? IndexOf(macro, t.Text) : -1;
                if (index < 0)
                {
                    Add(body, t);
                    continue;
                }

                bool pasted = (i > 0 && macro.Body[i - 1].Is("##")) || (i + 1 < macro.Body.Count && macro.Body[i + 1].Is("##"));
                List<CToken> argument = pasted ? arguments[index] : expandedArguments[index];
                if (argument.Count == 0 && pasted)
                {
                    Add(body, Placemarker(t));
                }

                foreach (CToken a in argument)
                {
                    Add(body, a);
                }
            }

            return Paste(body, macro, place);
        }

        /// <summary>Applies '##': the tokens either side become one, which must lex as a single token.</summary>
        private static List<CToken> Paste(List<CToken> body, CMacro macro, CToken place)
        {
            var result = new List<CToken>(body.Count);
            for (int k = 0; k < body.Count; k++)
            {
                if (!body[k].Is("##"))
                {
                    result.Add(body[k]);
                    continue;
                }

                if (result.Count == 0 || k + 1 >= body.Count)
                {
                    throw new ExpansionException("macro '" + macro.Name + "' has '##' at an end of its body", place);
                }

                CToken left = result[result.Count - 1];
                CToken right = body[++k];
                string text = left.Text + right.Text;
                result[result.Count - 1] = text.Length == 0 ? Placemarker(left) : Single(text, left, macro, place);
            }

            result.RemoveAll(t => t.Kind == CTokenKind.Punctuator && t.Text.Length == 0);
            return result;
        }

        private static CToken Single(string text, CToken at, CMacro macro, CToken place)
        {
            List<CToken> tokens = CLexer.Tokenize(text);
            if (tokens.Count != 1)
            {
                throw new ExpansionException("'##' in macro '" + macro.Name + "' makes '" + text + "', which is not one token", place);
            }

            return new CToken(tokens[0].Kind, tokens[0].Text, at.Line, at.Column);
        }

        private static CToken Placemarker(CToken at) => new CToken(CTokenKind.Punctuator, string.Empty, at.Line, at.Column);

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

        private static void CheckNoStringizing(CMacro macro, CToken place)
        {
            foreach (CToken t in macro.Body)
            {
                if (t.Is("#"))
                {
                    throw new ExpansionException("macro '" + macro.Name + "' (" + FileNames.Of(macro.File) + " line " + (macro.Line + 1) + ") makes a string with '#', which is no integer", place);
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
