using System.Globalization;

namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>Length, GetValues and GetNames: cached once, handed out read-only, never copied.</summary>
    internal static class ValuesWriter
    {
        public static void Write(SourceWriter w, HelpersPlan plan)
        {
            string count = plan.Sorted.Count.ToString(CultureInfo.InvariantCulture);
            w.WriteLine("/// <summary>The number of members, aliases included: the length of <see cref=\"GetValues\"/> and <see cref=\"GetNames\"/>.</summary>");
            w.WriteLine("public const int Length = " + count + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>Whether each member's text name is its C# name, so ToStringFast, Parse and GetNames agree with System.Enum.</summary>");
            w.WriteLine("public const bool TextNamesAreMemberNames = " + (plan.TextNamesAreMemberNames ? "true" : "false") + ";");
            w.WriteLine();

            // Static initializers run in order: the arrays before anything that wraps them.
            w.WriteLine("// In System.Enum's order: by value as an unsigned number, aliases as the runtime orders them.");
            w.WriteLine("private static readonly " + plan.Enum + "[] s_values = new " + plan.Enum + "[]");
            using (w.OpenBlock(";"))
            {
                foreach (StoredMember member in plan.Sorted)
                {
                    w.WriteLine(plan.MemberRef(member.Member) + ",");
                }
            }

            w.WriteLine();
            w.WriteLine("private static readonly string[] s_names = new string[]");
            using (w.OpenBlock(";"))
            {
                foreach (StoredMember member in plan.Sorted)
                {
                    w.WriteLine(CSharpLiteral.String(member.Member.TextName) + ",");
                }
            }

            w.WriteLine();
            if (plan.UseSpans)
            {
                WriteSpanAccessors(w, plan);
            }
            else
            {
                WriteListAccessors(w, plan);
            }
        }

        private static void WriteSpanAccessors(SourceWriter w, HelpersPlan plan)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Every member's value in the order of <see cref=\"global::System.Enum.GetValues(global::System.Type)\"/> (by value as an");
            w.WriteLine("/// unsigned number), aliases included. A read-only view of one shared array: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static global::System.ReadOnlySpan<" + plan.Enum + "> GetValues() => s_values;");
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Every member's name in the order of <see cref=\"GetValues\"/> (as <see cref=\"global::System.Enum.GetNames(global::System.Type)\"/>");
            w.WriteLine("/// orders them). A read-only view of one shared array: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static global::System.ReadOnlySpan<string> GetNames() => s_names;");
            w.WriteLine();
        }

        private static void WriteListAccessors(SourceWriter w, HelpersPlan plan)
        {
            string valueList = "global::System.Collections.ObjectModel.ReadOnlyCollection<" + plan.Enum + ">";
            string nameList = "global::System.Collections.ObjectModel.ReadOnlyCollection<string>";
            w.WriteLine("private static readonly " + valueList + " s_valueList = new " + valueList + "(s_values);");
            w.WriteLine();
            w.WriteLine("private static readonly " + nameList + " s_nameList = new " + nameList + "(s_names);");
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Every member's value in the order of <see cref=\"global::System.Enum.GetValues(global::System.Type)\"/> (by value as an");
            w.WriteLine("/// unsigned number), aliases included. One shared read-only list: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + plan.Enum + "> GetValues() => s_valueList;");
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Every member's name in the order of <see cref=\"GetValues\"/> (as <see cref=\"global::System.Enum.GetNames(global::System.Type)\"/>");
            w.WriteLine("/// orders them). One shared read-only list: nothing is allocated.");
            w.WriteLine("/// </summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> GetNames() => s_nameList;");
            w.WriteLine();
        }
    }
}
