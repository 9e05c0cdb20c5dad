using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TapiGen.PackageTests.Infrastructure
{
    /// <summary>One enum as a built assembly declares it.</summary>
    /// <param name="Members">Each member's name and value (as a long, or a ulong for a ulong enum), in declaration order.</param>
    public sealed record BuiltEnum(string Namespace, string Name, bool IsPublic, bool IsFlags, string UnderlyingType, IReadOnlyList<(string Name, object Value)> Members)
    {
        public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;

        public object this[string member] => Members.Single(m => m.Name == member).Value;
    }

    /// <summary>
    /// Reads the enums of a built assembly from its metadata, without loading it: the libraries target runtimes
    /// that are not installed here (net8.0, .NET Framework), and their package dependencies are not beside them.
    /// </summary>
    public static class BuiltEnums
    {
        public static IReadOnlyDictionary<string, BuiltEnum> Read(string assemblyPath)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader reader = pe.GetMetadataReader();
            var result = new Dictionary<string, BuiltEnum>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                if (!IsSystemType(reader, type.BaseType, "Enum"))
                {
                    continue;
                }

                string underlying = "?";
                var members = new List<(string, object)>();
                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                    if ((field.Attributes & FieldAttributes.Static) == 0)
                    {
                        underlying = UnderlyingTypeOf(reader, field); // value__
                        continue;
                    }

                    members.Add((reader.GetString(field.Name), ConstantOf(reader, field)));
                }

                bool isFlags = type.GetCustomAttributes()
                    .Select(a => reader.GetCustomAttribute(a).Constructor)
                    .Any(ctor => ctor.Kind == HandleKind.MemberReference
                        && IsSystemType(reader, reader.GetMemberReference((MemberReferenceHandle)ctor).Parent, "FlagsAttribute"));
                var built = new BuiltEnum(
                    reader.GetString(type.Namespace),
                    reader.GetString(type.Name),
                    (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public,
                    isFlags,
                    underlying,
                    members);
                result.Add(built.FullName, built);
            }

            return result;
        }

        private static bool IsSystemType(MetadataReader reader, EntityHandle handle, string name)
        {
            if (handle.Kind != HandleKind.TypeReference)
            {
                return false;
            }

            TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)handle);
            return reader.GetString(reference.Namespace) == "System" && reader.GetString(reference.Name) == name;
        }

        private static string UnderlyingTypeOf(MetadataReader reader, FieldDefinition field)
        {
            BlobReader signature = reader.GetBlobReader(field.Signature);
            signature.ReadSignatureHeader();
            return signature.ReadSignatureTypeCode() switch
            {
                SignatureTypeCode.Int32 => "int",
                SignatureTypeCode.UInt32 => "uint",
                SignatureTypeCode.Int64 => "long",
                SignatureTypeCode.UInt64 => "ulong",
                var other => other.ToString(),
            };
        }

        private static object ConstantOf(MetadataReader reader, FieldDefinition field)
        {
            Constant constant = reader.GetConstant(field.GetDefaultValue());
            BlobReader value = reader.GetBlobReader(constant.Value);
            return constant.TypeCode switch
            {
                ConstantTypeCode.Int32 => (long)value.ReadInt32(),
                ConstantTypeCode.UInt32 => (long)value.ReadUInt32(),
                ConstantTypeCode.Int64 => value.ReadInt64(),
                ConstantTypeCode.UInt64 => value.ReadUInt64(),
                var other => throw new InvalidOperationException("unexpected enum constant type " + other),
            };
        }
    }
}
