using System;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Inline tokenizer: HTML in running text (comments, CDATA, declarations, autolinks, tags, <pre> code)
        // ------------------------------------------------------------------------------------------------------------

        private sealed partial class InlineParser
        {
            /// <summary>Handles '&lt;': comments, CDATA, declarations, autolinks and tags. Returns the next index or -1.</summary>
            private int TryAngle(int i, int limit)
            {
                if (At("<!--", i))
                {
                    int e = Find("-->", i + 4);
                    return e >= 0 && e + 3 <= limit ? e + 3 : -1;
                }

                if (At("<![CDATA[", i))
                {
                    int e = Find("]]>", i + 9);
                    if (e >= 0 && e + 3 <= limit)
                    {
                        _text.Append(_s, i + 9, e - i - 9);
                        return e + 3;
                    }

                    return -1;
                }

                if (i + 2 < limit && (_s[i + 1] == '?' || (_s[i + 1] == '!' && IsAsciiLetter(_s[i + 2]))))
                {
                    int e = ScanToGt(i + 2, limit);
                    return e >= 0 ? e + 1 : -1;
                }

                if (_md && (At("<http://", i) || At("<https://", i) || At("<HTTP://", i) || At("<HTTPS://", i)))
                {
                    int j = i + 1;
                    while (j < limit && _s[j] != '>' && _s[j] != '<' && !char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    if (j < limit && _s[j] == '>')
                    {
                        string url = _s.Substring(i + 1, j - i - 1);
                        AddTag(TagKind.Link, close: false, ResolveHref(url), false);
                        _text.Append(url);
                        AddTag(TagKind.Link, close: true, null, false);
                        return j + 1;
                    }

                    return -1;
                }

                TagParse tag = ParseTag(i, limit);
                if (tag.End < 0)
                {
                    return -1;
                }

                if (!TagKinds.TryGetValue(tag.Name, out TagKind kind))
                {
                    kind = TagKind.Unknown;
                }

                if (kind == TagKind.Pre && !tag.Close && !tag.SelfClose)
                {
                    return RawCode(tag, limit);
                }

                if (kind == TagKind.RawSkip && !tag.Close && !tag.SelfClose)
                {
                    int e = Find("</" + tag.Name, tag.End);
                    if (e >= 0 && e < limit)
                    {
                        int gt = ScanToGt(e + 2, limit);
                        FlushText();
                        return gt >= 0 ? gt + 1 : e + 2 + tag.Name.Length;
                    }

                    return tag.End;
                }

                string? href = kind == TagKind.Link && !tag.Close && tag.Href != null ? ResolveHref(DecodeEntities(tag.Href)) : null;
                bool alert = kind == TagKind.Div && tag.Class != null && HasClass(DecodeEntities(tag.Class), "alert");
                AddTag(kind, tag.Close, href, alert);
                if (tag.SelfClose && !tag.Close && kind != TagKind.Br)
                {
                    AddTag(kind, close: true, null, false);
                }

                return tag.End;
            }

            private static bool HasClass(string classes, string name)
            {
                foreach (string part in classes.Split(' ', '\t', '\n'))
                {
                    if (string.Equals(part, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Parses an HTML start or end tag. End is -1 when it is not one (then '&lt;' is literal text).</summary>
            private TagParse ParseTag(int i, int limit)
            {
                var fail = new TagParse { End = -1, Name = "" };
                int j = i + 1;
                bool close = false;
                if (j < limit && _s[j] == '/')
                {
                    close = true;
                    j++;
                }

                if (j >= limit || !IsAsciiLetter(_s[j]))
                {
                    return fail;
                }

                int nameStart = j;
                while (j < limit && (IsAsciiLetterOrDigit(_s[j]) || _s[j] == '-'))
                {
                    j++;
                }

                if (j >= limit)
                {
                    return fail;
                }

                string name = _s.Substring(nameStart, j - nameStart).ToLowerInvariant();
                char ch = _s[j];
                if (ch != '>' && ch != '/' && !char.IsWhiteSpace(ch))
                {
                    return fail;
                }

                string? href = null;
                string? cls = null;
                bool selfClose = false;
                while (true)
                {
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    if (j >= limit)
                    {
                        return fail;
                    }

                    ch = _s[j];
                    if (ch == '>')
                    {
                        j++;
                        break;
                    }

                    if (ch == '<')
                    {
                        return fail;
                    }

                    if (ch == '/')
                    {
                        if (j + 1 < limit && _s[j + 1] == '>')
                        {
                            selfClose = true;
                            j += 2;
                            break;
                        }

                        j++;
                        continue;
                    }

                    int attrStart = j;
                    while (j < limit && !char.IsWhiteSpace(_s[j]) && _s[j] != '=' && _s[j] != '>' && _s[j] != '<' && _s[j] != '/')
                    {
                        j++;
                    }

                    if (j == attrStart)
                    {
                        // A stray '=': skip it.
                        j++;
                        continue;
                    }

                    string attr = _s.Substring(attrStart, j - attrStart);
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    string? value = null;
                    if (j < limit && _s[j] == '=')
                    {
                        j++;
                        while (j < limit && char.IsWhiteSpace(_s[j]))
                        {
                            j++;
                        }

                        if (j >= limit)
                        {
                            return fail;
                        }

                        ch = _s[j];
                        if (ch == '"' || ch == '\'')
                        {
                            int k = j + 1;
                            while (k < limit && _s[k] != ch && _s[k] != '<')
                            {
                                k++;
                            }

                            if (k >= limit || _s[k] != ch)
                            {
                                return fail;
                            }

                            value = _s.Substring(j + 1, k - j - 1);
                            j = k + 1;
                        }
                        else
                        {
                            int k = j;
                            while (k < limit && !char.IsWhiteSpace(_s[k]) && _s[k] != '>' && _s[k] != '<')
                            {
                                k++;
                            }

                            if (k < limit && _s[k] == '<')
                            {
                                return fail;
                            }

                            value = _s.Substring(j, k - j);
                            j = k;
                        }
                    }

                    if (string.Equals(attr, "href", StringComparison.OrdinalIgnoreCase))
                    {
                        href ??= value;
                    }
                    else if (string.Equals(attr, "class", StringComparison.OrdinalIgnoreCase))
                    {
                        cls ??= value;
                    }
                }

                return new TagParse { End = j, Name = name, Close = close, SelfClose = selfClose, Href = href, Class = cls };
            }

            /// <summary>&lt;pre&gt;: everything up to &lt;/pre&gt; is code; tags inside are dropped (&lt;br&gt; is a line break).</summary>
            private int RawCode(TagParse tag, int limit)
            {
                int start = tag.End;
                int close = Find("</" + tag.Name, start);
                int stop;
                int resume;
                if (close >= 0 && close < limit)
                {
                    stop = close;
                    int gt = ScanToGt(close + 2, limit);
                    resume = gt >= 0 ? gt + 1 : close + 2 + tag.Name.Length;
                }
                else
                {
                    stop = limit;
                    resume = limit;
                }

                var code = new StringBuilder(stop - start);
                int j = start;
                while (j < stop)
                {
                    char c = _s[j];
                    if (c == '<')
                    {
                        TagParse inner = ParseTag(j, stop);
                        if (inner.End > j)
                        {
                            if (inner.Name == "br")
                            {
                                code.Append('\n');
                            }

                            j = inner.End;
                            continue;
                        }
                    }
                    else if (c == '&')
                    {
                        int len = TryEntity(_s, j, stop, code);
                        if (len > 0)
                        {
                            j += len;
                            continue;
                        }
                    }

                    code.Append(c);
                    j++;
                }

                string text = code.ToString();
                if (text.StartsWith("\n", StringComparison.Ordinal))
                {
                    text = text.Substring(1);
                }

                FlushText();
                _toks.Add(new Tok { Kind = TokKind.CodeBlock, S = text });
                return resume;
            }
        }
    }
}
