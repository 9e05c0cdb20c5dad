using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Inline tokenizer
        // ------------------------------------------------------------------------------------------------------------

        private enum TokKind : byte
        {
            Text,
            Tag,
            Code,
            Delim,
            ParaBreak,
            CodeBlock,
        }

        private struct Tok
        {
            public TokKind Kind;
            public string? S;
            public TagKind Tag;
            public bool Close;
            public bool Alert;
            public int DelimCount;
            public bool CanOpen;
            public bool CanClose;
            public int Line;
            public int Pair;
        }

        private struct TagParse
        {
            public int End;
            public string Name;
            public bool Close;
            public bool SelfClose;
            public string? Href;
            public string? Class;
        }

        /// <summary>
        /// Tokenizes one run of text (a Markdown paragraph or an HTML block), resolves emphasis and replays the tokens
        /// into the builder. Linear: tags are only parsed up to the next '&lt;', closer searches are cached.
        /// </summary>
        private sealed partial class InlineParser
        {
            private readonly string _s;
            private readonly int _n;
            private readonly bool _md;
            private readonly List<Tok> _toks = new List<Tok>();
            private readonly StringBuilder _text = new StringBuilder();
            private readonly List<KeyValuePair<int, int>> _links = new List<KeyValuePair<int, int>>();
            private Dictionary<string, KeyValuePair<int, int>>? _findCache;
            private int _line;
            private List<int>? _tickStart;
            private List<int>? _tickLength;
            private int[]? _tickNext;
            private int _tickCursor;
            private Dictionary<int, int>? _brackets;

            private InlineParser(string s, bool md)
            {
                _s = s;
                _n = s.Length;
                _md = md;
            }

            public static void Emit(string s, bool md, Builder b)
            {
                if (IsPlain(s, md))
                {
                    b.Text(s);
                    return;
                }

                var p = new InlineParser(s, md);
                p.Tokenize();
                p.ResolveEmphasis();
                p.Replay(b);
            }

            /// <summary>True when the run holds nothing the tokenizer would treat specially.</summary>
            private static bool IsPlain(string s, bool md)
            {
                foreach (char c in s)
                {
                    switch (c)
                    {
                        case '<':
                        case '&':
                        case '\n':
                            return false;
                        case '\\':
                        case '`':
                        case '*':
                        case '_':
                        case '[':
                        case '!':
                            if (md)
                            {
                                return false;
                            }

                            break;
                    }
                }

                return true;
            }

            private void Tokenize()
            {
                int i = 0;
                while (i < _n)
                {
                    if (_links.Count > 0 && i >= _links[_links.Count - 1].Key)
                    {
                        KeyValuePair<int, int> link = _links[_links.Count - 1];
                        _links.RemoveAt(_links.Count - 1);
                        AddTag(TagKind.Link, close: true, null, false);
                        i = Math.Max(i, link.Value);
                        continue;
                    }

                    int limit = _links.Count > 0 ? _links[_links.Count - 1].Key : _n;
                    char c = _s[i];
                    int next = -1;
                    switch (c)
                    {
                        case '\\':
                            if (_md && i + 1 < limit && IsAsciiPunct(_s[i + 1]))
                            {
                                _text.Append(_s[i + 1]);
                                next = i + 2;
                            }

                            break;
                        case '&':
                            int len = TryEntity(_s, i, limit, _text);
                            if (len > 0)
                            {
                                next = i + len;
                            }

                            break;
                        case '<':
                            next = TryAngle(i, limit);
                            break;
                        case '`':
                            if (_md)
                            {
                                next = CodeSpanOrLiteral(i, limit);
                            }

                            break;
                        case '*':
                            if (_md)
                            {
                                next = StarRun(i, limit);
                            }

                            break;
                        case '_':
                            if (_md)
                            {
                                next = Underscore(i, limit);
                            }

                            break;
                        case '[':
                            if (_md)
                            {
                                next = TryLink(i, limit, image: false);
                            }

                            break;
                        case '!':
                            if (_md && i + 1 < limit && _s[i + 1] == '[')
                            {
                                next = TryLink(i + 1, limit, image: true);
                            }

                            break;
                        case '\n':
                            _line++;
                            int j = i + 1;
                            while (j < _n && _s[j] != '\n' && char.IsWhiteSpace(_s[j]))
                            {
                                j++;
                            }

                            if (j < _n && _s[j] == '\n' && j < limit)
                            {
                                // A blank line inside an HTML block: paragraph break.
                                FlushText();
                                _toks.Add(new Tok { Kind = TokKind.ParaBreak });
                                next = j;
                            }

                            break;
                    }

                    if (next > i)
                    {
                        i = next;
                        continue;
                    }

                    _text.Append(c);
                    i++;
                }

                while (_links.Count > 0)
                {
                    _links.RemoveAt(_links.Count - 1);
                    AddTag(TagKind.Link, close: true, null, false);
                }

                FlushText();
            }

            private void FlushText()
            {
                if (_text.Length > 0)
                {
                    _toks.Add(new Tok { Kind = TokKind.Text, S = _text.ToString() });
                    _text.Clear();
                }
            }

            private void AddTag(TagKind tag, bool close, string? href, bool alert)
            {
                FlushText();
                _toks.Add(new Tok { Kind = TokKind.Tag, Tag = tag, Close = close, S = href, Alert = alert });
            }

            /// <summary>Case-insensitive search with a cache, so repeated failing searches stay linear.</summary>
            private int Find(string needle, int from)
            {
                _findCache ??= new Dictionary<string, KeyValuePair<int, int>>(StringComparer.Ordinal);
                if (_findCache.TryGetValue(needle, out KeyValuePair<int, int> cached))
                {
                    if (cached.Value < 0 ? from >= cached.Key : (from >= cached.Key && from <= cached.Value))
                    {
                        return cached.Value;
                    }
                }

                int result = from >= _n ? -1 : _s.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
                _findCache[needle] = new KeyValuePair<int, int>(from, result);
                return result;
            }

            private bool At(string literal, int i) =>
                i + literal.Length <= _n && string.CompareOrdinal(_s, i, literal, 0, literal.Length) == 0;

            private int ScanToGt(int j, int limit)
            {
                while (j < limit)
                {
                    char c = _s[j];
                    if (c == '>')
                    {
                        return j;
                    }

                    if (c == '<')
                    {
                        return -1;
                    }

                    j++;
                }

                return -1;
            }

            private void EnsureTicks()
            {
                if (_tickStart != null)
                {
                    return;
                }

                _tickStart = new List<int>();
                _tickLength = new List<int>();
                int j = 0;
                while (j < _n)
                {
                    if (_s[j] == '`')
                    {
                        int k = j;
                        while (k < _n && _s[k] == '`')
                        {
                            k++;
                        }

                        _tickStart.Add(j);
                        _tickLength.Add(k - j);
                        j = k;
                    }
                    else
                    {
                        j++;
                    }
                }

                _tickNext = new int[_tickStart.Count];
                var lastByLength = new Dictionary<int, int>();
                for (int r = _tickStart.Count - 1; r >= 0; r--)
                {
                    int length = _tickLength[r];
                    _tickNext[r] = lastByLength.TryGetValue(length, out int nx) ? nx : -1;
                    lastByLength[length] = r;
                }
            }

            private int CodeSpanOrLiteral(int i, int limit)
            {
                EnsureTicks();
                List<int> starts = _tickStart!;
                while (_tickCursor < starts.Count && starts[_tickCursor] < i)
                {
                    _tickCursor++;
                }

                if (_tickCursor >= starts.Count || starts[_tickCursor] != i)
                {
                    _text.Append('`');
                    return i + 1;
                }

                int length = _tickLength![_tickCursor];
                int nx = _tickNext![_tickCursor];
                if (length <= MaxCodeSpanTicks && nx >= 0 && starts[nx] + length <= limit)
                {
                    string content = _s.Substring(i + length, starts[nx] - i - length).Replace('\n', ' ');
                    if (content.Length >= 2 && content[0] == ' ' && content[content.Length - 1] == ' ' && !IsAllWhite(content))
                    {
                        content = content.Substring(1, content.Length - 2);
                    }

                    FlushText();
                    _toks.Add(new Tok { Kind = TokKind.Code, S = content });
                    return starts[nx] + length;
                }

                _text.Append('`', length);
                return i + length;
            }

            private int StarRun(int i, int limit)
            {
                int k = i;
                while (k < limit && _s[k] == '*')
                {
                    k++;
                }

                int run = k - i;
                char before = i > 0 ? _s[i - 1] : ' ';
                char after = k < _n ? _s[k] : ' ';
                bool canOpen = run <= 2 && !char.IsWhiteSpace(after) && !char.IsLetterOrDigit(before);
                bool canClose = run <= 2 && !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
                if (!canOpen && !canClose)
                {
                    _text.Append('*', run);
                    return k;
                }

                FlushText();
                _toks.Add(new Tok { Kind = TokKind.Delim, DelimCount = run, CanOpen = canOpen, CanClose = canClose, Line = _line });
                return k;
            }

            /// <summary><c>_word_</c> around one word with a lower-case letter (<c>__x__</c> stays literal: think <c>__init__</c>).</summary>
            private int Underscore(int i, int limit)
            {
                int k = i;
                while (k < limit && _s[k] == '_')
                {
                    k++;
                }

                int run = k - i;
                if (run == 1 && (i == 0 || !IsWordChar(_s[i - 1])))
                {
                    int j = k;
                    bool lower = false;
                    while (j < limit)
                    {
                        char ch = _s[j];
                        if (char.IsLetterOrDigit(ch) || ch == '-' || ch == '\'')
                        {
                            lower |= char.IsLower(ch);
                            j++;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (j > k && lower && j < limit && _s[j] == '_')
                    {
                        int e = j;
                        while (e < limit && _s[e] == '_')
                        {
                            e++;
                        }

                        if (e - j == run && (e >= _n || !IsWordChar(_s[e])))
                        {
                            AddTag(TagKind.Italic, close: false, null, false);
                            _text.Append(_s, k, j - k);
                            AddTag(TagKind.Italic, close: true, null, false);
                            return e;
                        }
                    }
                }

                _text.Append('_', run);
                return k;
            }

            private void EnsureBrackets()
            {
                if (_brackets != null)
                {
                    return;
                }

                _brackets = new Dictionary<int, int>();
                var stack = new List<int>();
                for (int j = 0; j < _n; j++)
                {
                    char c = _s[j];
                    if (c == '\\' && j + 1 < _n && IsAsciiPunct(_s[j + 1]))
                    {
                        j++;
                    }
                    else if (c == '[')
                    {
                        stack.Add(j);
                    }
                    else if (c == ']' && stack.Count > 0)
                    {
                        _brackets[stack[stack.Count - 1]] = j;
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
            }

            /// <summary>Markdown <c>[text](url)</c> (or an image, which is dropped whole).</summary>
            private int TryLink(int i, int limit, bool image)
            {
                EnsureBrackets();
                if (!_brackets!.TryGetValue(i, out int close) || close >= limit || close + 1 >= _n || _s[close + 1] != '(')
                {
                    return -1;
                }

                int end = ParseDestination(close + 2, limit, out string url);
                if (end < 0)
                {
                    return -1;
                }

                if (image)
                {
                    FlushText();
                    return end;
                }

                AddTag(TagKind.Link, close: false, ResolveHref(DecodeEntities(url)), false);
                _links.Add(new KeyValuePair<int, int>(close, end));
                return i + 1;
            }

            private int ParseDestination(int j, int limit, out string url)
            {
                url = "";
                while (j < limit && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                if (j < limit && _s[j] == '<')
                {
                    int k = j + 1;
                    while (k < limit && _s[k] != '>' && _s[k] != '<' && _s[k] != '\n')
                    {
                        k++;
                    }

                    if (k >= limit || _s[k] != '>')
                    {
                        return -1;
                    }

                    url = _s.Substring(j + 1, k - j - 1);
                    j = k + 1;
                }
                else
                {
                    var sb = new StringBuilder();
                    int depth = 0;
                    while (j < limit)
                    {
                        char c = _s[j];
                        if (char.IsWhiteSpace(c))
                        {
                            break;
                        }

                        if (c == '(')
                        {
                            depth++;
                        }
                        else if (c == ')')
                        {
                            if (depth == 0)
                            {
                                break;
                            }

                            depth--;
                        }
                        else if (c == '<' || c == '[' || c == ']')
                        {
                            return -1;
                        }
                        else if (c == '\\' && j + 1 < limit && IsAsciiPunct(_s[j + 1]))
                        {
                            j++;
                            c = _s[j];
                        }

                        sb.Append(c);
                        j++;
                    }

                    url = sb.ToString();
                }

                while (j < limit && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                if (j < limit && (_s[j] == '"' || _s[j] == '\'' || _s[j] == '('))
                {
                    char q = _s[j] == '(' ? ')' : _s[j];
                    int k = j + 1;
                    while (k < limit && _s[k] != q)
                    {
                        if (_s[k] == '[' || _s[k] == ']' || _s[k] == '<')
                        {
                            return -1;
                        }

                        k++;
                    }

                    if (k >= limit)
                    {
                        return -1;
                    }

                    j = k + 1;
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }
                }

                return j < limit && _s[j] == ')' ? j + 1 : -1;
            }

            /// <summary>Pairs '*'/'**' delimiters: same line, same length, nothing block-level or a link in between.</summary>
            private void ResolveEmphasis()
            {
                var singles = new List<int>();
                var doubles = new List<int>();
                int line = -1;
                for (int idx = 0; idx < _toks.Count; idx++)
                {
                    Tok t = _toks[idx];
                    if (t.Kind == TokKind.ParaBreak || t.Kind == TokKind.CodeBlock || (t.Kind == TokKind.Tag && IsEmphasisBarrier(t.Tag)))
                    {
                        singles.Clear();
                        doubles.Clear();
                        continue;
                    }

                    if (t.Kind != TokKind.Delim)
                    {
                        continue;
                    }

                    if (t.Line != line)
                    {
                        singles.Clear();
                        doubles.Clear();
                        line = t.Line;
                    }

                    List<int> same = t.DelimCount == 1 ? singles : doubles;
                    List<int> other = t.DelimCount == 1 ? doubles : singles;
                    if (t.CanClose && same.Count > 0)
                    {
                        int opener = same[same.Count - 1];
                        same.RemoveAt(same.Count - 1);
                        Tok o = _toks[opener];
                        o.Pair = 1;
                        _toks[opener] = o;
                        t.Pair = 2;
                        _toks[idx] = t;
                        while (other.Count > 0 && other[other.Count - 1] > opener)
                        {
                            other.RemoveAt(other.Count - 1);
                        }
                    }
                    else if (t.CanOpen)
                    {
                        same.Add(idx);
                    }
                }
            }

            private static bool IsEmphasisBarrier(TagKind t) =>
                t != TagKind.Bold && t != TagKind.Italic && t != TagKind.Code && t != TagKind.Unknown && t != TagKind.Img &&
                t != TagKind.Ignore;

            private void Replay(Builder b)
            {
                foreach (Tok t in _toks)
                {
                    switch (t.Kind)
                    {
                        case TokKind.Text:
                            b.Text(t.S!);
                            break;
                        case TokKind.Tag:
                            b.Html(t.Tag, t.Close, t.S, t.Alert);
                            break;
                        case TokKind.Code:
                            b.CodeSpan(t.S!);
                            break;
                        case TokKind.Delim:
                            int idx = t.DelimCount == 2 ? BoldIdx : ItalicIdx;
                            if (t.Pair == 1)
                            {
                                b.InlineOpen(idx, null);
                            }
                            else if (t.Pair == 2)
                            {
                                b.InlineClose(idx);
                            }
                            else
                            {
                                b.Text(new string('*', t.DelimCount));
                            }

                            break;
                        case TokKind.ParaBreak:
                            b.EndPara();
                            break;
                        case TokKind.CodeBlock:
                            b.CodeBlock(t.S!);
                            break;
                    }
                }
            }
        }
    }
}
