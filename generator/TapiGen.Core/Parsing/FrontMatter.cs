using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Reads the YAML front matter of an sdk-api page: top-level 'key: value' lines, flow lists ('[a, "b"]') and
    /// block lists ('- a', also with a tab after the dash). It is deliberately not a YAML parser: it reads the few keys
    /// we use and never fails on anything else.
    /// </summary>
    internal sealed class FrontMatter
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        public static readonly FrontMatter Empty = new FrontMatter();

        /// <summary>The first value of a key (the scalar, or a list's first item), or null.</summary>
        public string? First(string key)
            => _values.TryGetValue(key, out List<string>? list) && list.Count > 0 ? list[0] : null;

        public static FrontMatter Parse(IReadOnlyList<string> lines)
        {
            var result = new FrontMatter();
            List<string>? current = null;
            foreach (string raw in lines)
            {
                string line = raw.TrimEnd();
                if (line.Length == 0)
                {
                    continue;
                }

                string trimmed = line.TrimStart();
                bool isListItem = trimmed[0] == '-' && (trimmed.Length == 1 || char.IsWhiteSpace(trimmed[1]));
                if (isListItem)
                {
                    current?.Add(Unquote(trimmed.Substring(1).Trim()));
                    continue;
                }

                if (char.IsWhiteSpace(line[0]))
                {
                    continue; // a continuation we do not need
                }

                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    current = null;
                    continue;
                }

                string key = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                var values = new List<string>();
                if (value.StartsWith("[", StringComparison.Ordinal))
                {
                    values.AddRange(ParseFlowList(value));
                }
                else if (value.Length > 0)
                {
                    values.Add(Unquote(value));
                }

                if (!result._values.ContainsKey(key))
                {
                    result._values.Add(key, values);
                }

                current = values;
            }

            return result;
        }

        private static IEnumerable<string> ParseFlowList(string value)
        {
            int end = value.LastIndexOf(']');
            string inner = end > 0 ? value.Substring(1, end - 1) : value.Substring(1);
            var item = new StringBuilder();
            char quote = '\0';
            var items = new List<string>();
            for (int i = 0; i < inner.Length; i++)
            {
                char c = inner[i];
                if (quote != '\0')
                {
                    if (c == '\\' && quote == '"' && i + 1 < inner.Length)
                    {
                        item.Append(inner[++i]);
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        item.Append(c);
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == ',')
                {
                    items.Add(item.ToString().Trim());
                    item.Clear();
                }
                else
                {
                    item.Append(c);
                }
            }

            string last = item.ToString().Trim();
            if (last.Length > 0 || items.Count > 0)
            {
                items.Add(last);
            }

            return items;
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
            {
                var sb = new StringBuilder(value.Length);
                for (int i = 1; i < value.Length - 1; i++)
                {
                    char c = value[i];
                    if (c == '\\' && i + 1 < value.Length - 1)
                    {
                        c = value[++i];
                    }

                    sb.Append(c);
                }

                return sb.ToString();
            }

            if (value.Length >= 2 && value[0] == '\'' && value[value.Length - 1] == '\'')
            {
                return value.Substring(1, value.Length - 2).Replace("''", "'");
            }

            return value;
        }
    }
}
