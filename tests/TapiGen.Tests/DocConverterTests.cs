using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using TapiGen.Generator.Parsing;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    public class DocConverterTests
    {
        private static readonly HashSet<string> AllowedElements = new HashSet<string>(StringComparer.Ordinal)
        {
            "summary", "para", "b", "i", "c", "code", "see", "list", "listheader", "item", "term", "description", "br",
        };

        private static string Xml(string input) => string.Join("\n", DocConverter.ToXmlDocLines(input));

        /// <summary>
        /// Everything the generator relies on: well-formed content made only of our own elements, no C# line
        /// terminators or other dangerous characters, no trailing white space, no empty first or last line.
        /// </summary>
        private static void AssertSafe(string[] lines)
        {
            Assert.NotNull(lines);
            if (lines.Length > 0)
            {
                Assert.NotEqual("", lines[0]);
                Assert.NotEqual("", lines[lines.Length - 1]);
            }

            foreach (string line in lines)
            {
                Assert.NotNull(line);
                if (line.Length > 0 && char.IsWhiteSpace(line[line.Length - 1]))
                {
                    Assert.Fail("trailing white space: " + Shorten(line));
                }

                string? problem = FirstForbiddenCharacter(line);
                if (problem != null)
                {
                    Assert.Fail(problem + " in: " + Escape(Shorten(line)));
                }
            }

            XElement summary = XElement.Parse("<summary>" + string.Join("\n", lines) + "</summary>");
            foreach (XElement e in summary.DescendantsAndSelf())
            {
                Assert.Contains(e.Name.LocalName, AllowedElements);
                foreach (XAttribute a in e.Attributes())
                {
                    if (e.Name.LocalName == "see")
                    {
                        Assert.Equal("href", a.Name.LocalName);
                        Assert.True(
                            a.Value.StartsWith("https://", StringComparison.Ordinal) || a.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                            a.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                            "unexpected href " + a.Value);
                    }
                    else
                    {
                        Assert.True(e.Name.LocalName == "list" && a.Name.LocalName == "type", "unexpected attribute " + a);
                    }
                }
            }
        }

        /// <summary>A description of the first character C# or a reader could trip over, or null.</summary>
        private static string? FirstForbiddenCharacter(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    return "line terminator";
                }

                if (c < ' ' || (c >= '\u007F' && c <= '\u009F'))
                {
                    return "control character";
                }

                if (c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                {
                    return "bidirectional control";
                }

                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 >= line.Length || !char.IsLowSurrogate(line[i + 1]))
                    {
                        return "unpaired high surrogate";
                    }

                    i++;
                }
                else if (char.IsLowSurrogate(c))
                {
                    return "unpaired low surrogate";
                }
            }

            return null;
        }

        private static void AssertSafePlain(string plain)
        {
            Assert.NotNull(plain);
            Assert.Equal(plain.Trim(), plain);
            string? problem = FirstForbiddenCharacter(plain);
            if (problem != null)
            {
                Assert.Fail(problem + " in plain text: " + Escape(Shorten(plain)));
            }

            Assert.DoesNotContain("  ", plain, StringComparison.Ordinal);
        }

        private static string Shorten(string s) => s.Length > 120 ? s.Substring(0, 120) + "..." : s;

        // ---------------------------------------------------------------------------------------------------------
        // Basics: empty input, paragraphs, white space
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\n\n \t \n")]
        [InlineData("\u00A0\u00A0\n\u00A0")]
        [InlineData("<div> </div>")]
        [InlineData("<b></b><i> </i>")]
        [InlineData("<!-- nothing -->")]
        public void Nothing_GivesNoLinesAndEmptyPlainText(string? input)
        {
            Assert.Empty(DocConverter.ToXmlDocLines(input!));
            Assert.Equal("", DocConverter.ToPlainText(input!));
        }

        [Fact]
        public void SingleParagraph_IsBareText_WithWhiteSpaceCollapsed()
        {
            Assert.Equal(
                new[] { "The window is registered to receive tooltip dismiss notifications." },
                DocConverter.ToXmlDocLines("\n  The window  is registered\tto receive\n tooltip\u00A0 dismiss notifications. \n\n"));
        }

        [Fact]
        public void SeveralParagraphs_BecomePara()
        {
            Assert.Equal(
                new[] { "<para>First line continues here.</para>", "<para>Second.</para>", "<para>Third.</para>" },
                DocConverter.ToXmlDocLines("First line\ncontinues here.\n\nSecond.\n \n\u00A0\nThird."));
        }

        [Fact]
        public void HtmlParagraphs_BecomePara()
        {
            Assert.Equal(
                new[] { "<para>One.</para>", "<para>Two</para>", "<para>Three</para>" },
                DocConverter.ToXmlDocLines("<p>One.</p><p>Two<p>Three"));
        }

        [Fact]
        public void SingleHtmlParagraph_IsBareText()
        {
            Assert.Equal("Only one.", Xml("<p>Only one.</p>"));
        }

        [Fact]
        public void HtmlBlockInterruptsParagraph()
        {
            Assert.Equal(
                "<para>Intro text.</para>\n<list type=\"bullet\">\n<item><description>a</description></item>\n</list>",
                Xml("Intro text.\n<ul>\n<li>a</li>\n</ul>"));
        }

        [Fact]
        public void LineBreakTag_BecomesBr()
        {
            Assert.Equal("First<br/>Second", Xml("First<br>Second"));
            Assert.Equal("First<br/>Second", Xml("<br/>First <br />  <br> Second<br>"));
        }

        [Fact]
        public void MarkdownHeading_BecomesBoldParagraph()
        {
            Assert.Equal("<para><b>Examples</b></para>\n<para>Text.</para>", Xml("## Examples ##\nText."));
            Assert.Equal("#hashtag ####### seven", Xml("#hashtag\n####### seven"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Links
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void HtmlLink_SiteRelative_ResolvesAgainstLearn()
        {
            Assert.Equal(
                "An <see href=\"https://learn.microsoft.com/windows/desktop/api/unknwn/nn-unknwn-iunknown\">IUnknown</see> pointer.",
                Xml("An <a href=\"/windows/desktop/api/unknwn/nn-unknwn-iunknown\">IUnknown</a> pointer."));
        }

        [Theory]
        [InlineData("<a href=\"https://msdn.microsoft.com/5286fbe6\">MSP_EVENT_INFO</a>", "<see href=\"https://msdn.microsoft.com/5286fbe6\">MSP_EVENT_INFO</see>")]
        [InlineData("<A HREF='http://example.com/x'>x</A>", "<see href=\"http://example.com/x\">x</see>")]
        [InlineData("<a class=\"c\" href=/windows/x>x</a>", "<see href=\"https://learn.microsoft.com/windows/x\">x</see>")]
        [InlineData("<a href=\"//example.com/x\">x</a>", "<see href=\"https://example.com/x\">x</see>")]
        [InlineData("<a href=\" /windows/x \">x</a>", "<see href=\"https://learn.microsoft.com/windows/x\">x</see>")]
        [InlineData("[Tooltip](/windows/win32/controls/tooltip-control-reference)", "<see href=\"https://learn.microsoft.com/windows/win32/controls/tooltip-control-reference\">Tooltip</see>")]
        [InlineData("[x](https://example.com/a_(b))", "<see href=\"https://example.com/a_(b)\">x</see>")]
        [InlineData("[**bold** link](https://e.com)", "<see href=\"https://e.com\"><b>bold</b> link</see>")]
        [InlineData("<a href=\"https://e.com\"></a>", "<see href=\"https://e.com\"/>")]
        public void Links_BecomeSeeHref(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Theory]
        [InlineData("This enumeration is used by the [RegisterForTooltipDismissNotification](nf-winuser-registerfortooltipdismissnotification.md) function.", "This enumeration is used by the RegisterForTooltipDismissNotification function.")]
        [InlineData("See <a href=\"nf-winuser-foo.md\">Foo</a>.", "See Foo.")]
        [InlineData("See [here](#remarks).", "See here.")]
        [InlineData("<a href=\"javascript:alert(1)\">click</a>", "click")]
        [InlineData("<a href=\" JavaScript:alert(1)\">click</a>", "click")]
        [InlineData("<a href=\"java&#x09;script:alert(1)\">click</a>", "click")]
        [InlineData("[click](javascript:alert(1))", "click")]
        [InlineData("<a href=\"file:///c:/x\">f</a> <a href=\"data:text/html,x\">d</a> <a href='vbscript:x'>v</a>", "f d v")]
        [InlineData("<a name=\"anchor\">Anchor</a> text", "Anchor text")]
        [InlineData("<a href=\"https:\">x</a>", "x")]
        public void Links_RelativeOrOtherScheme_BecomePlainText(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Fact]
        public void LinkHref_IsAttributeEscaped()
        {
            Assert.Equal(
                "<see href=\"https://e.com/?a=1&amp;b=2&amp;c=&lt;&gt;&quot;\">x</see>",
                Xml("<a href='https://e.com/?a=1&amp;b=2&c=<>\"'>x</a>".Replace("<>", "&lt;&gt;")));
            Assert.Equal(
                "<see href=\"https://e.com/?q=&quot;&amp;&lt;\">x</see>",
                Xml("[x](https://e.com/?q=\"&\\<)"));
        }

        [Fact]
        public void NestedLinks_KeepOnlyTheOuter()
        {
            Assert.Equal(
                "<see href=\"https://a.com\">a b c</see>",
                Xml("<a href=\"https://a.com\">a <a href=\"https://b.com\">b</a> c</a>"));
        }

        [Fact]
        public void BracketsThatAreNotLinks_StayText()
        {
            Assert.Equal("[a] [b][c] [d] (e) x[0] = y", Xml("[a] [b][c] [d] (e) x[0] = y"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Emphasis and code
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("<b>IS_PASSWORD</b> only", "<b>IS_PASSWORD</b> only")]
        [InlineData("<strong>x</strong>", "<b>x</b>")]
        [InlineData("a **bold** b", "a <b>bold</b> b")]
        [InlineData("**two words**.", "<b>two words</b>.")]
        public void Bold(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Theory]
        [InlineData("The <i>usWeightClass</i> represents", "The <i>usWeightClass</i> represents")]
        [InlineData("<em>x</em> <var>y</var>", "<i>x</i> <i>y</i>")]
        [InlineData("an *emphasized phrase* here", "an <i>emphasized phrase</i> here")]
        [InlineData("(*note*)", "(<i>note</i>)")]
        public void Italic(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Theory]
        [InlineData("ASE_NOT_READY")]
        [InlineData("The _SVGIO flags and D3D10_ aliases.")]
        [InlineData("__MIDL___MIDL_itf_tapi3_0000_0018_0001")]
        [InlineData("_WIN32_WINNT and _VALUE_ and _D3D_CBUFFER_TYPE")]
        [InlineData("snake_case_name and __init__")]
        [InlineData("an _underscored_ word")]
        [InlineData("a * b * c")]
        [InlineData("2*3*4 and x*y")]
        [InlineData("char* p; char *q")]
        [InlineData("*+,-./")]
        [InlineData("a *** b")]
        [InlineData("a *start\nend* b")]
        public void IdentifiersAndStrayDelimiters_StayAsTheyAre(string input)
        {
            Assert.Equal(input.Replace('\n', ' '), Xml(input));
        }

        [Theory]
        [InlineData("Use <code>CoInitialize</code>.", "Use <c>CoInitialize</c>.")]
        [InlineData("begins `D3D10_` instead of `D3D_`.", "begins <c>D3D10_</c> instead of <c>D3D_</c>.")]
        [InlineData("`<b>x</b> & *y*`", "<c>&lt;b&gt;x&lt;/b&gt; &amp; *y*</c>")]
        [InlineData("`` a ` b ``", "<c>a ` b</c>")]
        [InlineData("unmatched ` tick", "unmatched ` tick")]
        [InlineData("<tt>a</tt> <kbd>b</kbd>", "<c>a</c> <c>b</c>")]
        [InlineData("<code><code>x</code></code>", "<c>x</c>")]
        public void InlineCode(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Fact]
        public void BackslashEscapes_AreHonouredOutsideHtmlBlocks()
        {
            Assert.Equal("*not emphasis* and [not a link](x) and C:\\temp", Xml("\\*not emphasis\\* and \\[not a link\\](x) and C:\\temp"));
            Assert.Equal(
                "<list type=\"bullet\">\n<item><description>\\\\server\\share and \\*</description></item>\n</list>",
                Xml("<ul>\n<li>\\\\server\\share and \\*</li>\n</ul>"));
        }

        [Fact]
        public void MarkdownIsNotInterpretedInsideHtmlBlocks()
        {
            Assert.Equal(
                "<list type=\"bullet\">\n<item><description>except: * ? : &lt; &gt; | and **x**</description></item>\n</list>",
                Xml("<ul>\n<li>except: * ? : &lt; &gt; | and **x**</li>\n</ul>"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Code blocks
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void FencedCode_BecomesCodeBlock_EscapedWithLinesKept()
        {
            string input = "Shown here.\n\n```cpp\nif (a < b && c)\n{\n    Do(\"x\");  \n\n}\n```\nAfter.";
            Assert.Equal(
                new[]
                {
                    "<para>Shown here.</para>", "<code>", "if (a &lt; b &amp;&amp; c)", "{", "    Do(\"x\");", "", "}", "</code>",
                    "<para>After.</para>",
                },
                DocConverter.ToXmlDocLines(input));
        }

        [Fact]
        public void FencedCode_Tildes_Unclosed_AndIndented()
        {
            Assert.Equal("<code>\ntypedef int SVGIO;\n</code>", Xml("~~~\ntypedef int SVGIO;\n~~~"));
            Assert.Equal("<code>\nline 1\n\nline 3 */ &lt;/summary&gt;\n</code>", Xml("```\nline 1\n\nline 3 */ </summary>"));
            Assert.Equal("<code>\nx\n  y\n</code>", Xml("  ```\n  x\n    y\n  ```"));
            Assert.Equal("<code>\nonly\tone\n</code>".Replace("\t", "    "), Xml("```\nonly\tone\n```"));
        }

        [Fact]
        public void EmptyFencedCode_IsDropped()
        {
            Assert.Equal("Text.", Xml("```\n\n   \n```\nText."));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Lists
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void HtmlBulletList()
        {
            Assert.Equal(
                new[]
                {
                    "<para>Examples include the following.</para>", "<list type=\"bullet\">", "<item><description>jeffsm</description></item>",
                    "<item><description><b>JSmith</b></description></item>", "</list>",
                },
                DocConverter.ToXmlDocLines("Examples include the following.\n\n<ul>\n<li>jeffsm</li>\n<li><b>JSmith</b></li>\n</ul>"));
        }

        [Fact]
        public void HtmlNumberedList_WithUnclosedItems()
        {
            Assert.Equal(
                "<list type=\"number\">\n<item><description>one</description></item>\n<item><description>two</description></item>\n</list>",
                Xml("<ol><li>one<li>two</ol>"));
        }

        [Fact]
        public void MarkdownLists()
        {
            Assert.Equal(
                "<para>Intro:</para>\n<list type=\"bullet\">\n<item><description>first item continues</description></item>\n<item><description>second <c>x</c></description></item>\n<item><description>third</description></item>\n</list>",
                Xml("Intro:\n\n- first item\ncontinues\n- second `x`\n* third"));
            Assert.Equal(
                "<list type=\"number\">\n<item><description>one</description></item>\n<item><description>two</description></item>\n</list>",
                Xml("1. one\n2. two"));
        }

        [Fact]
        public void MarkdownNestedList_AndItemWithSeveralParagraphs()
        {
            Assert.Equal(
                new[]
                {
                    "<list type=\"bullet\">", "<item><description>", "<para>outer</para>", "<list type=\"number\">",
                    "<item><description>inner</description></item>", "</list>", "</description></item>", "<item><description>", "<para>second</para>",
                    "<para>more of second</para>", "</description></item>", "</list>", "<para>After.</para>",
                },
                DocConverter.ToXmlDocLines("- outer\n  1. inner\n- second\n\n  more of second\n\nAfter."));
        }

        [Fact]
        public void NumberInsideParagraph_IsNotAList()
        {
            Assert.Equal("Released in\n2005. Still used.".Replace('\n', ' '), Xml("Released in\n2005. Still used."));
        }

        [Fact]
        public void DefinitionList_TermsAndDefinitions_BecomeItemsWithTerms()
        {
            Assert.Equal(
                "<list type=\"bullet\">\n<item><term><b>S_OK</b></term><description>Success.</description></item>\n<item><term>E_FAIL</term><description>Failure.</description></item>\n<item><description>LONE</description></item>\n</list>",
                Xml("<dl><dt><b>S_OK</b></dt><dd>Success.</dd><dt>E_FAIL</dt><dd>Failure.</dd><dt>LONE</dt></dl>"));
        }

        [Fact]
        public void DefinitionList_BecomesBulletList()
        {
            Assert.Equal(
                "<list type=\"bullet\">\n<item><description>CONNECTED</description></item>\n<item><description>HOLD</description></item>\n</list>",
                Xml("<dl>\n<dt>CONNECTED</dt>\n<dt>HOLD</dt>\n</dl>"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Tables
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void TwoColumnTable_BecomesListTable()
        {
            string input = "<table>\n<tr>\n<th>From state</th>\n<th>To state</th>\n</tr>\n<tr>\n<td>CS_IDLE</td>\n<td>\n<dl>\n<dt>CONNECTED</dt>\n<dt>HOLD</dt>\n</dl>\n</td>\n</tr>\n<tr>\n<td>CS_DISCONNECTED</td>\n<td>Nothing&#x2014;call should be freed</td>\n</tr>\n</table>";
            Assert.Equal(
                new[]
                {
                    "<list type=\"table\">", "<listheader><term>From state</term><description>To state</description></listheader>",
                    "<item><term>CS_IDLE</term><description>CONNECTED, HOLD</description></item>",
                    "<item><term>CS_DISCONNECTED</term><description>Nothing\u2014call should be freed</description></item>", "</list>",
                },
                DocConverter.ToXmlDocLines(input));
        }

        [Fact]
        public void WideTable_BecomesOneParaPerRow()
        {
            string input = "The following table.\n\n<table>\n<tr><th>Value</th><th>VARIANT</th><th>TYPEDESC</th></tr>\n<tr><td><b>VT_ARRAY</b></td><td>X</td><td></td></tr>\n<tr><td>VT_BLOB</td><td></td><td>X</td></tr>\n</table>";
            Assert.Equal(
                new[]
                {
                    "<para>The following table.</para>", "<para>Value | VARIANT | TYPEDESC</para>", "<para><b>VT_ARRAY</b> | X |</para>",
                    "<para>VT_BLOB | | X</para>",
                },
                DocConverter.ToXmlDocLines(input));
        }

        [Fact]
        public void TableWithoutExplicitRowsOrCloses_IsStillATable()
        {
            Assert.Equal(
                "<list type=\"table\">\n<item><term>a</term><description>b</description></item>\n<item><term>c</term><description>d</description></item>\n</list>",
                Xml("<table><td>a<td>b<tr><td>c<td>d</table>"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Notes
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void HtmlAlertDiv_BecomesNoteParagraph()
        {
            Assert.Equal(
                new[]
                {
                    "<para>Specifies options.</para>",
                    "<para><b>Note:</b> Starting in Windows 8, the <b>X</b> option is no longer supported. See <see href=\"https://learn.microsoft.com/windows/win32/api/d2d1_1/x\">Y</see>.</para>",
                },
                DocConverter.ToXmlDocLines("Specifies options. \n<div class=\"alert\"><b>Note</b>\u00A0\u00A0Starting in Windows\u00A08, the <b>X</b> option is no longer supported.  See <a href=\"/windows/win32/api/d2d1_1/x\">Y</a>.</div><div> </div>"));
        }

        [Theory]
        [InlineData("<div class=\"alert\"><b>Important</b>  Read this.</div>", "<para><b>Important:</b> Read this.</para>")]
        [InlineData("<div class=\"ALERT other\"><b>Security Warning:</b> Careful.</div>", "<para><b>Security Warning:</b> Careful.</para>")]
        [InlineData("<div class=\"alert\">No label here.</div>", "<para><b>Note:</b> No label here.</para>")]
        [InlineData("<div class=\"alert\"><b>Note</b>: colon outside.</div>", "<para><b>Note:</b> colon outside.</para>")]
        [InlineData("<div class=\"alert\"><b>IS_PASSWORD</b> is bold text.</div>", "<para><b>Note:</b> <b>IS_PASSWORD</b> is bold text.</para>")]
        public void HtmlAlertDiv_UsesItsLabel(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Fact]
        public void MarkdownAlert_BecomesNoteParagraph()
        {
            Assert.Equal(
                new[]
                {
                    "<para>Values that identify the intended use.</para>",
                    "<para><b>Note:</b> For Direct3D 10, this API has a type alias that begins <c>D3D10_</c> instead of <c>D3D_</c>.</para>",
                },
                DocConverter.ToXmlDocLines("Values that identify the intended use. \n\n> [!NOTE]\n> For Direct3D 10, this API has a type alias\n> that begins `D3D10_` instead of `D3D_`."));
        }

        [Theory]
        [InlineData("> [!IMPORTANT]\n> Do this.", "<para><b>Important:</b> Do this.</para>")]
        [InlineData("> [!WARNING]\n> Careful.\n>\n> Second paragraph.", "<para><b>Warning:</b> Careful.</para>\n<para>Second paragraph.</para>")]
        [InlineData("> [!tip] Inline text.", "<para><b>Tip:</b> Inline text.</para>")]
        [InlineData("> [!CAUTION]\n> - a\n> - b", "<para><b>Caution:</b></para>\n<list type=\"bullet\">\n<item><description>a</description></item>\n<item><description>b</description></item>\n</list>")]
        public void MarkdownAlerts_UseTheirWord(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        [Fact]
        public void PlainBlockQuote_KeepsItsText()
        {
            Assert.Equal("<para>Before.</para>\n<para>Quoted text.</para>", Xml("Before.\n\n> Quoted\n> text."));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Images, unknown and broken markup, comments
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void Images_AreDropped()
        {
            Assert.Equal(
                "<para>The following illustration.</para>\n<para>After.</para>",
                Xml("The following illustration.\n\n<img alt='Illustration of the letter \"W\"' src=\"./images/FontWeight.png\"/>\n\nAfter."));
            Assert.Equal("See .", Xml("See ![alt text](images/x.png)."));
        }

        [Fact]
        public void UnknownTags_AreDropped_TheirTextKept()
        {
            Assert.Equal("x2 and y", Xml("<span class=\"s\">x<sup>2</sup></span> and <foo-bar>y</foo-bar>"));
            Assert.Equal("x = y", Xml("<T>x</T> = y"));
        }

        [Fact]
        public void Comments_AreDropped()
        {
            Assert.Equal("a b", Xml("a <!-- hidden <b> --> b"));
        }

        [Theory]
        [InlineData("<b>never closed", "<b>never closed</b>")]
        [InlineData("stray </i> closer</b>", "stray closer")]
        [InlineData("<a href=\"/x\" unterminated", "&lt;a href=\"/x\" unterminated")]
        [InlineData("<a", "&lt;a")]
        [InlineData("x < y and y > z", "x &lt; y and y &gt; z")]
        [InlineData("<b><i>x</b>y</i>", "<b><i>x</i></b>y")]
        [InlineData("<b>a\n\nb</b>", "<para><b>a</b></para>\n<para>b</para>")]
        [InlineData("<i><b>x</i></b>", "<i><b>x</b></i>")]
        [InlineData("</ul></li></table></td></div></p>text", "text")]
        [InlineData("<div>unclosed <ul><li>item", "<para>unclosed</para>\n<list type=\"bullet\">\n<item><description>item</description></item>\n</list>")]
        [InlineData("<td>stray cell</td><tr>", "stray cell")]
        [InlineData("<li>stray item", "<list type=\"bullet\">\n<item><description>stray item</description></item>\n</list>")]
        public void BrokenMarkup_StaysWellFormed(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
            AssertSafe(DocConverter.ToXmlDocLines(input));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Entities
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("a &amp; b", "a &amp; b")]
        [InlineData("&lt;summary&gt;", "&lt;summary&gt;")]
        [InlineData("Windows&nbsp;7 and&#160;8", "Windows 7 and 8")]
        [InlineData("Nothing&#x2014;call", "Nothing\u2014call")]
        [InlineData("&quot;x&quot; &apos;y&apos; &copy; &mdash;", "\"x\" 'y' \u00A9 \u2014")]
        [InlineData("&foo; &amp &#; &#x; &#12345678;", "&amp;foo; &amp;amp &amp;#; &amp;#x; &amp;#12345678;")]
        [InlineData("&#0; &#xD800; &#x110000;", "\uFFFD \uFFFD \uFFFD")]
        [InlineData("&#150;&#x85;", "\u2013\u2026")]
        [InlineData("&#x1F600;", "\U0001F600")]
        [InlineData("a&#10;b&#x2028;c&#8238;d&#x202E;e&#7;f", "a b cdef")]
        public void Entities_AreDecodedThenEscaped(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Security: characters and text that must not break out of the comment
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("a\u2028b", "a b")]
        [InlineData("a\u2029b", "a b")]
        [InlineData("a\u0085b", "a b")]
        [InlineData("a\rb", "a b")]
        [InlineData("a\r\nb", "a b")]
        [InlineData("a\u000Bb\u000Cc", "a b c")]
        [InlineData("a\u0000b\u0007c\u001Bd\u007Fe\u009Bf", "abcdef")]
        [InlineData("a\u202Eb\u202Ac\u2066d\u2069e\u200Ef\u200Fg\u061Ch", "abcdefgh")]
        [InlineData("x\uFEFFy", "xy")]
        [InlineData("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
        public void DangerousCharacters_AreReplaced(string input, string expected)
        {
            Assert.Equal(expected, Xml(input));
            AssertSafe(DocConverter.ToXmlDocLines(input));
            Assert.Equal(expected, DocConverter.ToPlainText(input));
        }

        [Fact]
        public void UnpairedSurrogates_BecomeReplacementCharacters_PairsSurvive()
        {
            // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
            string high = new string((char)0xD800, 1);
            string low = new string((char)0xDC00, 1);
            string pair = char.ConvertFromUtf32(0x1F600);
            var cases = new[]
            {
                ("bad " + high + " high and " + low + " low", "bad \uFFFD high and \uFFFD low"),
                (low + high, "\uFFFD\uFFFD"),
                ("ok " + pair + " pair " + high, "ok " + pair + " pair \uFFFD"),
                ("<b>" + high + "</b>" + low + "<a href=\"https://e.com/" + high + "\">x</a>", "<b>\uFFFD</b>\uFFFD<see href=\"https://e.com/\uFFFD\">x</see>"),
                ("```\n" + high + pair + "\n```", "<code>\n\uFFFD" + pair + "\n</code>"),
            };
            foreach ((string input, string expected) in cases)
            {
                Assert.Equal(expected, Xml(input));
                AssertSafe(DocConverter.ToXmlDocLines(input));
                AssertSafePlain(DocConverter.ToPlainText(input));
            }
        }

        [Theory]
        [InlineData("*/ end of comment")]
        [InlineData("</summary> <summary>")]
        [InlineData("</summary>\n/// <remarks>injected</remarks>")]
        [InlineData("<!-- unterminated comment")]
        [InlineData("text --> more")]
        [InlineData("]]> and <![CDATA[ x")]
        [InlineData("`</summary>`")]
        [InlineData("```\n</summary>\n```")]
        [InlineData("<pre></summary>")]
        [InlineData("<code></summary>")]
        [InlineData("<see cref=\"x\"/> <include file='x' path='y'/>")]
        [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
        [InlineData("<a href='\"><script>alert(1)</script>'>x</a>")]
        [InlineData("<a href=\"https://e.com/\u2028x\u202Ey\">x</a>")]
        [InlineData("[x](https://e.com/\"onmouseover=\"alert(1))")]
        [InlineData("<script>alert(1)</script>visible")]
        [InlineData("<style>body{}</style><textarea>x</textarea>")]
        [InlineData("<div class=\"alert\"")]
        [InlineData("<b")]
        [InlineData("<")]
        [InlineData("&")]
        [InlineData("&#")]
        [InlineData("[")]
        [InlineData("](")]
        [InlineData("`")]
        [InlineData("*")]
        [InlineData("_")]
        [InlineData(">")]
        [InlineData("> [!")]
        [InlineData("|")]
        [InlineData("|\n|-")]
        [InlineData("- ")]
        [InlineData("1.")]
        [InlineData("#")]
        [InlineData("```")]
        [InlineData("<table><tr><td><table><tr><td>x</table>")]
        [InlineData("<ul><li><table><tr><td><ul><li>x</ul></td></tr></table></li></ul>")]
        [InlineData("- <div>\n- x\n</div>")]
        [InlineData("> <ul><li>a\n\nb")]
        [InlineData("| <td> | </tr> |\n|---|---|\n| </table> | <ul> |")]
        public void HostileInput_IsHarmless(string input)
        {
            string[] lines = DocConverter.ToXmlDocLines(input);
            AssertSafe(lines);
            AssertSafePlain(DocConverter.ToPlainText(input));
            string joined = string.Join("\n", lines);
            Assert.DoesNotContain("</summary>", joined, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--", joined, StringComparison.Ordinal);
            Assert.DoesNotContain("]]>", joined, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", joined, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", joined, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void EscapedTextForms_AreExact()
        {
            Assert.Equal("*/ end", Xml("*/ end"));
            Assert.Equal("a --&gt; b", Xml("a --> b"));
            Assert.Equal("]]&gt;", Xml("]]>"));
            Assert.Equal("&lt;!-- open", Xml("<!-- open"));
            Assert.Equal("<c>&lt;/summary&gt;</c>", Xml("`</summary>`"));
            Assert.Equal("&lt;/summary", Xml("</summary"));
            Assert.Equal("visible", Xml("<script>alert(1)</script>visible"));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Size and nesting
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("<b>", "")]
        [InlineData("<b>", "</b>")]
        [InlineData("<i><b>", "</b></i>")]
        [InlineData("<a href=\"https://e.com\">", "</a>")]
        [InlineData("<ul><li>", "</li></ul>")]
        [InlineData("<div>", "</div>")]
        [InlineData("<div class=\"alert\">", "")]
        [InlineData("<table><tr><td>", "</td></tr></table>")]
        [InlineData("<table><tr><td>", "")]
        [InlineData("<p>", "")]
        [InlineData("> ", "")]
        [InlineData("[", "](https://e.com)")]
        [InlineData("**", "**")]
        [InlineData("`a", "")]
        [InlineData("<!--", "")]
        [InlineData("<pre>", "")]
        public void DeepNesting_HundredThousandLevels(string open, string close)
        {
            const int Depth = 100_000;
            var sb = new StringBuilder();
            for (int i = 0; i < Depth; i++)
            {
                sb.Append(open);
            }

            sb.Append("core text");
            for (int i = 0; i < Depth; i++)
            {
                sb.Append(close);
            }

            string input = sb.ToString();
            string[] lines = DocConverter.ToXmlDocLines(input);
            AssertSafe(lines);
            AssertSafePlain(DocConverter.ToPlainText(input));
            Assert.Contains("core text", string.Join(" ", lines), StringComparison.Ordinal);
        }

        [Fact]
        public void DeepMarkdownListNesting()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 3000; i++)
            {
                sb.Append(new string(' ', i * 2)).Append("- item ").Append(i).Append('\n');
            }

            string[] lines = DocConverter.ToXmlDocLines(sb.ToString());
            AssertSafe(lines);
            Assert.Contains("item 2999", string.Join(" ", lines), StringComparison.Ordinal);
        }

        private const string RealisticChunk =
            "Indicates a <b>file</b> path. See <a href=\"/windows/win32/api/x\">X</a> and [Y](nf-y.md). `code` *em* &amp; &#x2014;\n\n" +
            "<ul>\n<li>C:\\temp\\x.doc</li>\n</ul>\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\n\n" +
            "> [!NOTE]\n> Careful.\n\n```cpp\nint* p = &x;\n```\n\n- item **one**\n- item two\n  1. nested\n\n" +
            "<div class=\"alert\"><b>Note</b>  Text.</div>\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";

        private static string Repeat(string unit, int size)
        {
            var sb = new StringBuilder(size + unit.Length);
            while (sb.Length < size)
            {
                sb.Append(unit);
            }

            return sb.ToString();
        }

        [Theory]
        [InlineData("realistic")]
        public void FourMebibyteInput_Completes(string unit)
        {
            // No timing assertion: a quadratic step would not finish at this size.
            string input = Repeat(unit == "realistic" ? RealisticChunk : unit, 4 * 1024 * 1024);
            string[] lines = DocConverter.ToXmlDocLines(input);
            AssertSafe(lines);
            AssertSafePlain(DocConverter.ToPlainText(input));
            if (unit == "realistic")
            {
                Assert.Contains("<para><b>Note:</b> Careful.</para>", lines);
            }
        }

        [Theory]
        [InlineData("<a ")]
        [InlineData("`` `")]
        [InlineData("*a ")]
        [InlineData("&#")]
        [InlineData("<a href=\"")]
        [InlineData("[a](")]
        [InlineData("[")]
        [InlineData("]")]
        [InlineData("_a ")]
        [InlineData("&amp")]
        [InlineData("<!--")]
        [InlineData("<![CDATA[")]
        [InlineData("<pre>")]
        [InlineData("<script>")]
        [InlineData("<li>")]
        [InlineData("<td>")]
        [InlineData("</b>")]
        [InlineData("- a\n")]
        [InlineData("> ")]
        [InlineData(">\n")]
        [InlineData("\n")]
        [InlineData("| a |\n")]
        [InlineData("```\n")]
        [InlineData("<div class=\"alert\">x\n\n")]
        public void PathologicalInput_Completes(string unit)
        {
            // 256 KiB keeps the suite fast and still makes a quadratic step unmistakable (tens of billions of steps).
            string input = Repeat(unit, 256 * 1024);
            AssertSafe(DocConverter.ToXmlDocLines(input));
            AssertSafePlain(DocConverter.ToPlainText(input));
        }

        [Fact]
        public void RandomInput_NeverBreaksTheRules()
        {
            string[] pieces =
            {
                "<b>", "</b>", "<i>", "</i>", "<a href=\"/x\">", "<a href='javascript:x'>", "</a>", "<ul>", "</ul>", "<li>", "</li>", "<ol>",
                "<table>", "<tr>", "<td>", "<th>", "</td>", "</tr>", "</table>", "<div class=\"alert\">", "</div>", "<p>", "</p>", "<br>",
                "<pre>", "</pre>", "<code>", "</code>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x2028;", "&#x202E;", "&",
                "&#", "\n", "\n\n", "\r", "\u2028", "\u0085", "\u202E", "\uD800", "\uDC00", "\u00A0", "\t", "\0", " ", "word", "_id_",
                "*", "**", "_", "`", "``", "```", "\n```\n", "[", "]", "(", ")", "](https://e.com)", "](x.md)", "> ", "> [!NOTE]", "- ",
                "1. ", "# ", "| ", " |\n|---|---|\n", "<", ">", "/", "\"", "'", "=", "<img src=x>", "</summary>", "*/", "\\",
            };
            var random = new Random(20240611);
            for (int n = 0; n < 3000; n++)
            {
                var sb = new StringBuilder();
                int count = random.Next(1, 60);
                for (int k = 0; k < count; k++)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                }

                string input = sb.ToString();
                string[] lines = DocConverter.ToXmlDocLines(input);
                try
                {
                    AssertSafe(lines);
                    AssertSafePlain(DocConverter.ToPlainText(input));
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException("Failed for input: " + Escape(input) + "\nOutput:\n" + string.Join("\n", lines), e);
                }

                Assert.Equal(lines, DocConverter.ToXmlDocLines(input));
            }
        }

        private static string Escape(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s)
            {
                if (c < ' ' || c > '~')
                {
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        // ---------------------------------------------------------------------------------------------------------
        // Determinism and culture
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void Output_IsCultureInvariant()
        {
            const string Input = "<I>Italic</I> <LI>item</LI> <DIV CLASS=\"ALERT\"><B>IMPORTANT</B> x</DIV> &#x130; \u0130 [!TIP] 1.5";
            string[] invariant = DocConverter.ToXmlDocLines(Input);
            CultureInfo saved = CultureInfo.CurrentCulture;
            CultureInfo savedUi = CultureInfo.CurrentUICulture;
            try
            {
                foreach (string name in new[] { "tr-TR", "az-Latn-AZ", "de-DE", "ar-SA" })
                {
                    CultureInfo culture;
                    try
                    {
                        culture = new CultureInfo(name);
                    }
                    catch (CultureNotFoundException)
                    {
                        // Invariant globalization mode (no ICU): only the invariant culture exists.
                        continue;
                    }

                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = culture;
                    Assert.Equal(invariant, DocConverter.ToXmlDocLines(Input));
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }

            Assert.Contains("<i>Italic</i>", invariant[0], StringComparison.Ordinal);
        }

        // ---------------------------------------------------------------------------------------------------------
        // Plain text
        // ---------------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("The <b>COMPARTMENT_ID</b> enumeration indicates\nthe <a href=\"/x\">routing</a>   compartment.", "The COMPARTMENT_ID enumeration indicates the routing compartment.")]
        [InlineData("Used by the [RegisterForTooltipDismissNotification](nf-winuser-foo.md) function.", "Used by the RegisterForTooltipDismissNotification function.")]
        [InlineData("Windows&nbsp;7\u00A0and &lt;8&gt; &amp; `code` **b** *i*", "Windows 7 and <8> & code b i")]
        [InlineData("One.\n\nTwo.<p>Three.</p>", "One. Two. Three.")]
        [InlineData("<ul><li>a</li><li>b</li></ul>", "a b")]
        [InlineData("Text.\n<div class=\"alert\"><b>Important</b>  Careful.</div>", "Text. Important: Careful.")]
        [InlineData("> [!NOTE]\n> Note text.", "Note: Note text.")]
        [InlineData("<img alt=\"dropped\" src=\"x\"> <!-- gone --> kept", "kept")]
        [InlineData("line<br>break", "line break")]
        [InlineData("```\nint x;\n```", "int x;")]
        public void PlainText(string input, string expected)
        {
            Assert.Equal(expected, DocConverter.ToPlainText(input));
        }

        // ---------------------------------------------------------------------------------------------------------
        // Real pages
        // ---------------------------------------------------------------------------------------------------------

        [Fact]
        public void EveryCorpusBlock_ConvertsToSafeWellFormedXml()
        {
            string? corpus = FindCorpus();
            Assert.True(
                corpus != null || Environment.GetEnvironmentVariable("CI") != "true",
                "The sdk-api corpus (../shared/corpus next to the repository root) is required on CI but was not found from " + AppContext.BaseDirectory);
            if (corpus is null)
            {
                // Not on CI and no corpus checked out next to the repository: nothing to check here.
                return;
            }

            string[] files = Directory.GetFiles(corpus, "ne-*.md", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            int descriptions = 0;
            int fields = 0;
            int blocks = 0;
            foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                foreach (KeyValuePair<string, string> section in Sections(File.ReadAllText(file)))
                {
                    blocks++;
                    if (section.Key.StartsWith("## -description", StringComparison.Ordinal))
                    {
                        descriptions++;
                    }
                    else if (section.Key.StartsWith("### -field", StringComparison.Ordinal))
                    {
                        fields++;
                    }

                    string[] lines = DocConverter.ToXmlDocLines(section.Value);
                    string plain = DocConverter.ToPlainText(section.Value);
                    try
                    {
                        AssertSafe(lines);
                        AssertSafePlain(plain);
                        Assert.Equal(lines, DocConverter.ToXmlDocLines(section.Value));
                        if (section.Value.Any(c => char.IsLetterOrDigit(c)))
                        {
                            Assert.NotEmpty(plain);
                        }
                    }
                    catch (Exception e)
                    {
                        throw new InvalidOperationException(file + " :: " + section.Key, e);
                    }
                }
            }

            Assert.True(descriptions >= files.Length, "every page should have a description block");
            Assert.True(fields > 100, "the pages should have many field blocks");
            Assert.True(blocks > descriptions + fields);
        }

        /// <summary>The text under each heading of a page (front matter skipped; headings inside code fences ignored).</summary>
        private static IEnumerable<KeyValuePair<string, string>> Sections(string page)
        {
            string[] lines = page.Replace("\r\n", "\n").Split('\n');
            int start = 0;
            if (lines.Length > 0 && lines[0].TrimEnd() == "---")
            {
                for (int i = 1; i < lines.Length; i++)
                {
                    if (lines[i].TrimEnd() == "---")
                    {
                        start = i + 1;
                        break;
                    }
                }
            }

            string? heading = null;
            var body = new List<string>();
            bool fence = false;
            for (int i = start; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fence = !fence;
                }

                if (!fence && line.StartsWith("#", StringComparison.Ordinal))
                {
                    if (heading != null)
                    {
                        yield return new KeyValuePair<string, string>(heading, string.Join("\n", body));
                    }

                    heading = line;
                    body.Clear();
                }
                else
                {
                    body.Add(line);
                }
            }

            if (heading != null)
            {
                yield return new KeyValuePair<string, string>(heading, string.Join("\n", body));
            }
        }

        private static string? FindCorpus() => RepoPaths.CorpusAvailable ? RepoPaths.CorpusRoot : null;
    }
}
