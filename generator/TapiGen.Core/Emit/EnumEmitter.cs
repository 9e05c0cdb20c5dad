using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Emit
{
    /// <summary>Writes the C# enum for one manifest.</summary>
    internal static class EnumEmitter
    {
        public static string Emit(EnumSpec spec)
        {
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, spec);
            GeneratedFile.InNamespace(w, spec, () =>
            {
                // Every public symbol gets a summary, so consumers with GenerateDocumentationFile see no CS1591.
                w.WriteDocElement("summary", spec.SummaryLines);
                w.WriteDocElement("remarks", spec.RemarksLines);
                foreach (string attribute in spec.Attributes)
                {
                    w.WriteLine(attribute);
                }

                w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
                w.WriteLine(spec.Accessibility + " enum " + spec.TypeName + " : " + spec.Keyword);
                using (w.OpenBlock())
                {
                    for (int i = 0; i < spec.Members.Count; i++)
                    {
                        MemberSpec member = spec.Members[i];
                        if (i > 0)
                        {
                            w.WriteLine();
                        }

                        w.WriteDocElement("summary", member.DocLines);
                        w.WriteLine(member.Identifier + " = " + member.Value + ",");
                    }
                }
            });
            return w.ToString();
        }
    }
}
