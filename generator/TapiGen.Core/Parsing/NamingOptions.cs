using System.Linq;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>Applies the naming options to a model read with the manifest's names.</summary>
    internal static class NamingOptions
    {
        public static EnumModel Apply(EnumModel model)
        {
            GeneratorOptions options = model.Options;
            string[] identifiers = model.Members.Select(m => m.Name).ToArray();
            string typeIdentifier = model.Name;
            if (options.MemberNaming == MemberNaming.DotNet)
            {
                identifiers = Naming.ToDotNetMemberNames(identifiers) ?? identifiers;
                // A name the user chose with EnumName is used as written.
                string pascal = Naming.ToPascalCase(model.Name);
                typeIdentifier = options.EnumName is not null || !Identifiers.IsValid(pascal) ? model.Name : pascal;
            }

            var byName = model.Members.Select((m, i) => (m.Name, Identifier: identifiers[i])).ToDictionary(p => p.Name, p => p.Identifier);
            var members = model.Members.Select((m, i) =>
            {
                string text = options.TextNaming == TextNaming.Member ? identifiers[i] : m.Name;
                return m with
                {
                    Identifier = identifiers[i],
                    TextName = text,
                    JsonName = Naming.ToJsonName(text, options.JsonNaming),
                    ReferencedIdentifier = m.ReferencedIdentifier is null ? null : byName[m.ReferencedIdentifier],
                };
            });

            return model with { Identifier = typeIdentifier, Members = members.ToEquatableArray() };
        }
    }
}
