using System.Globalization;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// How a generic <c>Send</c>, <c>Publish</c> or <c>CreateStream</c> finds the pipeline of a message's runtime type. Up to
/// <see cref="ChainLimit"/> types, a chain of exact type tests written inline. Above it, a <c>TypeIndex</c> (a table
/// keyed on the type handle, built once) gives the type's position and a <c>switch</c> jumps to a small method per
/// pipeline: the cost no longer grows with the number of types, and the dispatching method stays small (inline code
/// for hundreds of pipelines gave it a stack frame the JIT zeroes on every call, or pushed it out of optimisation).
/// </summary>
internal static class TypeSwitch
{
    /// <summary>
    /// The longest chain of type tests still emitted; more types get the table. Measured with DispatchBenchmarks
    /// (docs/benchmarks.md, "The generic Send in large projects").
    /// </summary>
    public const int ChainLimit = 8;

    public static bool UsesTable(int typeCount) => typeCount > ChainLimit;

    public const string NoInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    /// <summary>The runtime type handle of <paramref name="variable"/>: read from the object, cheaper than <c>GetType()</c>.</summary>
    public static string HandleOf(string variable) => "global::System.Type.GetTypeHandle(" + variable + ")";

    /// <summary>
    /// The static table: a type's position in <paramref name="types"/> is its case label. Each entry is an expression
    /// for a <c>System.Type</c>: <c>typeof(X)</c>, or the <c>MessageType</c> of a pipeline that may not be named
    /// outside its own class (<see cref="UsageEmitter"/>).
    /// </summary>
    public static void WriteIndex(SourceWriter writer, string name, IReadOnlyList<string> types, string what)
    {
        writer.Line("/// <summary>The " + types.Count + " " + what + " by position: the generic dispatch switches on a type's position instead of testing each type.</summary>");
        writer.Line("private static readonly global::Mediator.Internal.TypeIndex " + name + " = new global::Mediator.Internal.TypeIndex(new global::System.Type[]");
        writer.Line("{");
        foreach (var type in types)
        {
            writer.Line("    " + type + ",");
        }

        writer.Line("});");
    }

    /// <summary>
    /// <c>switch (Index.IndexOf(handle))</c> with a case for each of <paramref name="cases"/> (a position in the
    /// table and its type). <paramref name="writeCase"/> writes a case's statements and says whether the last one always
    /// returns; if not, the case breaks out to whatever the caller writes after the switch (the base-class tests).
    /// </summary>
    public static void WriteSwitch(SourceWriter writer, string index, string handle, IEnumerable<KeyValuePair<int, TypeRef>> cases, Func<SourceWriter, int, bool> writeCase)
        => WriteSwitch(writer, index, handle, cases.Select(c => new KeyValuePair<int, string>(c.Key, c.Value.Display)), writeCase);

    /// <summary>As the overload over <see cref="TypeRef"/>s, with each case's type as generated code writes it (a module's message).</summary>
    public static void WriteSwitch(SourceWriter writer, string index, string handle, IEnumerable<KeyValuePair<int, string>> cases, Func<SourceWriter, int, bool> writeCase)
    {
        using (writer.Block("switch (" + index + ".IndexOf(" + handle + "))"))
        {
            foreach (var @case in cases)
            {
                writer.Line("case " + @case.Key.ToString(CultureInfo.InvariantCulture) + ": // " + @case.Value.Replace("global::", string.Empty));
                using (writer.Indent())
                {
                    if (!writeCase(writer, @case.Key))
                    {
                        writer.Line("break;");
                    }
                }
            }
        }
    }

    /// <summary>Every type with its position, for a switch with a case per type.</summary>
    public static IEnumerable<KeyValuePair<int, TypeRef>> All(IReadOnlyList<TypeRef> types)
    {
        for (var i = 0; i < types.Count; i++)
        {
            yield return new KeyValuePair<int, TypeRef>(i, types[i]);
        }
    }
}
