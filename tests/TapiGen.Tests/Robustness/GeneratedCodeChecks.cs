using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Robustness
{
    /// <summary>
    /// Checks that text from a manifest stayed where it belongs in generated code: in comments (as well-formed XML
    /// docs) and string literals, or as an identifier we validated. Everything else must be what TapiGen writes for
    /// any manifest, learnt from a control run over a harmless one.
    /// </summary>
    public static class GeneratedCodeChecks
    {
        private const string ControlEnum = "ZzControlEnum";
        private const string ControlMember = "ZzControlMember";

        private static readonly Lazy<Vocabulary> s_vocabulary = new Lazy<Vocabulary>(LearnVocabulary);

        /// <summary>
        /// Parses every generated file with documentation diagnostics on and asserts: no syntax or XML doc problem,
        /// every doc comment is well-formed XML, only the trivia and token kinds a harmless manifest produces, and
        /// every identifier is either TapiGen's own or one of <paramref name="expectedIdentifiers"/> (the enum name,
        /// optionally followed by a suffix TapiGen adds, its members, and the namespace's parts).
        /// </summary>
        public static void AssertContained(GeneratorDriverRunResult result, string enumName, IEnumerable<string> memberNames, string ns = GeneratorHarness.DefaultNamespace)
        {
            Vocabulary vocabulary = s_vocabulary.Value;
            var allowed = new HashSet<string>(memberNames, StringComparer.Ordinal);
            allowed.UnionWith(ns.Split('.'));
            allowed.UnionWith(vocabulary.EnumSuffixes.Select(s => enumName + s));

            Assert.NotEmpty(result.GeneratedTrees);
            foreach (SyntaxTree generated in result.GeneratedTrees)
            {
                AssertNoHiddenCharacters(generated.GetText().ToString(), generated.FilePath);
                SyntaxTree tree = CSharpSyntaxTree.ParseText(generated.GetText(), new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose), generated.FilePath);
                Assert.True(!tree.GetDiagnostics().Any(), generated.FilePath + ": " + string.Join("\n", tree.GetDiagnostics()));
                SyntaxNode root = tree.GetRoot();
                foreach (SyntaxTrivia trivia in root.DescendantTrivia(descendIntoTrivia: false))
                {
                    Assert.True(vocabulary.TriviaKinds.Contains(trivia.Kind()), $"{generated.FilePath}: unexpected {trivia.Kind()}: {Show(trivia.ToFullString())}");
                    if (trivia.IsDirective)
                    {
                        Assert.True(vocabulary.Directives.Contains(trivia.ToFullString().Trim()), $"{generated.FilePath}: unexpected directive {Show(trivia.ToFullString())}");
                    }

                    if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
                    {
                        AssertWellFormedXml(trivia, generated.FilePath);
                    }
                }

                foreach (SyntaxToken token in root.DescendantTokens(descendIntoTrivia: false))
                {
                    SyntaxKind kind = token.Kind();
                    if (kind == SyntaxKind.IdentifierToken)
                    {
                        Assert.True(
                            allowed.Contains(token.ValueText) || vocabulary.Identifiers.Contains(token.ValueText),
                            $"{generated.FilePath}: identifier {Show(token.ValueText)} is neither TapiGen's nor from the manifest's validated names");
                    }
                    else
                    {
                        Assert.True(
                            SyntaxFacts.IsKeywordKind(kind) || SyntaxFacts.IsPunctuation(kind) || kind == SyntaxKind.NumericLiteralToken
                                || kind == SyntaxKind.StringLiteralToken || kind == SyntaxKind.EndOfFileToken || vocabulary.TokenKinds.Contains(kind),
                            $"{generated.FilePath}: unexpected {kind} token {Show(token.Text)}");
                    }
                }
            }
        }

        /// <summary>
        /// No character that changes how code reads without being seen: bidirectional controls ("Trojan Source"),
        /// line terminators other than '\n', other control characters, or unpaired surrogates.
        /// </summary>
        private static void AssertNoHiddenCharacters(string code, string file)
        {
            for (int i = 0; i < code.Length; i++)
            {
                char c = code[i];
                bool hidden = (c < ' ' && c != '\n') || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C'
                    || (char.IsHighSurrogate(c) && (i + 1 >= code.Length || !char.IsLowSurrogate(code[i + 1])))
                    || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(code[i - 1])));
                if (hidden)
                {
                    int lineStart = code.LastIndexOf('\n', Math.Max(i - 1, 0)) + 1;
                    int lineEnd = code.IndexOf('\n', i);
                    Assert.Fail($"{file}: U+{(int)c:X4} at offset {i}, in: {Show(code.Substring(lineStart, (lineEnd < 0 ? code.Length : lineEnd) - lineStart))}");
                }
            }
        }

        /// <summary>One doc comment (all its '///' lines) must parse as XML.</summary>
        private static void AssertWellFormedXml(SyntaxTrivia trivia, string file)
        {
            var content = new StringBuilder("<doc>");
            foreach (string line in trivia.ToFullString().Split('\n'))
            {
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith("///", StringComparison.Ordinal))
                {
                    content.Append(trimmed.Substring(3)).Append('\n');
                }
            }

            content.Append("</doc>");
            try
            {
                using var reader = XmlReader.Create(new StringReader(content.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
                while (reader.Read())
                {
                }
            }
            catch (XmlException e)
            {
                Assert.Fail($"{file}: a doc comment is not well-formed XML ({e.Message}):\n{content}");
            }
        }

        /// <summary>Text in a failure message: control and format characters made visible.</summary>
        public static string Show(string text)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in text.Length > 200 ? text.Substring(0, 200) + "..." : text)
            {
                bool visible = !char.IsControl(c) && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
                    && c != '\u2028' && c != '\u2029';
                sb.Append(visible ? c.ToString() : "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }

            return sb.Append('"').ToString();
        }

        private sealed record Vocabulary(
            HashSet<string> Identifiers,
            HashSet<string> EnumSuffixes,
            HashSet<SyntaxKind> TriviaKinds,
            HashSet<SyntaxKind> TokenKinds,
            HashSet<string> Directives);

        /// <summary>What TapiGen writes for a harmless manifest: its own identifiers, trivia, token kinds and directives.</summary>
        private static Vocabulary LearnVocabulary()
        {
            var control = TestManifests.Inline(ControlEnum, ControlMember + ":1", ControlMember + "Two:2", ControlMember + "Three:4");
            GeneratorDriverRunResult result = GeneratorHarness.Run(control);
            var vocabulary = new Vocabulary(
                new HashSet<string>(StringComparer.Ordinal),
                new HashSet<string>(StringComparer.Ordinal) { string.Empty },
                new HashSet<SyntaxKind> { SyntaxKind.WhitespaceTrivia, SyntaxKind.EndOfLineTrivia, SyntaxKind.SingleLineCommentTrivia, SyntaxKind.SingleLineDocumentationCommentTrivia },
                new HashSet<SyntaxKind>(),
                new HashSet<string>(StringComparer.Ordinal));
            foreach (SyntaxTree tree in result.GeneratedTrees)
            {
                SyntaxNode root = tree.GetRoot();
                foreach (SyntaxTrivia trivia in root.DescendantTrivia(descendIntoTrivia: false))
                {
                    vocabulary.TriviaKinds.Add(trivia.Kind());
                    if (trivia.IsDirective)
                    {
                        vocabulary.Directives.Add(trivia.ToFullString().Trim());
                    }
                }

                foreach (SyntaxToken token in root.DescendantTokens(descendIntoTrivia: false))
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        vocabulary.TokenKinds.Add(token.Kind());
                    }
                    else if (token.ValueText.StartsWith(ControlEnum, StringComparison.Ordinal))
                    {
                        vocabulary.EnumSuffixes.Add(token.ValueText.Substring(ControlEnum.Length));
                    }
                    else if (!token.ValueText.StartsWith(ControlMember, StringComparison.Ordinal))
                    {
                        vocabulary.Identifiers.Add(token.ValueText);
                    }
                }
            }

            // The namespace parts of the control run are the test namespace, not TapiGen's words.
            vocabulary.Identifiers.ExceptWith(GeneratorHarness.DefaultNamespace.Split('.'));
            return vocabulary;
        }
    }
}
