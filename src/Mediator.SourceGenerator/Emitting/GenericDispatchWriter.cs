using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes a generic entry point of the mediator (<see cref="GenericDispatch"/> says which): a null check; the pipeline of
/// the message's exact runtime type, found by a chain of type tests or, above <see cref="TypeSwitch.ChainLimit"/> types,
/// a table lookup and a switch; then the pipelines of its base classes, most derived first; then what happens when none
/// takes it. No reflection: every test names a type the generator knows.
/// </summary>
internal static class GenericDispatchWriter
{
    /// <summary>
    /// Writes the entry point over <paramref name="targets"/>, in pipeline order. <paramref name="indexTypes"/> are the
    /// types of the table in their positions (the table of another entry point when this one does not write its own).
    /// </summary>
    public static void Write(SourceWriter writer, GenericDispatch dispatch, IReadOnlyList<TypeRef> indexTypes, IReadOnlyList<DispatchTarget> targets)
    {
        var table = TypeSwitch.UsesTable(targets.Select(t => t.Pipeline.MessageType).Distinct().Count());
        if (table && dispatch.IndexDescription is { } description)
        {
            TypeSwitch.WriteIndex(writer, dispatch.IndexName, indexTypes.Select(t => TypeOf(targets.Where(p => p.Pipeline.MessageType == t))).ToList(), description);
            writer.Line();
        }

        if (dispatch.Documentation is { } documentation)
        {
            documentation(writer);
        }
        else
        {
            writer.Line("/// <inheritdoc />");
        }

        var signature = dispatch.Accessibility + Static(dispatch) + " " + dispatch.ReturnType + " " + dispatch.MethodName + dispatch.TypeParameters + "(" + dispatch.Parameters(withDefault: true) + ")";
        if (dispatch.Constraint is { } constraint)
        {
            writer.Line(signature);
            signature = "    " + constraint;
        }

        using (writer.Block(signature))
        {
            writer.Line("if (" + dispatch.Message + " is null) " + dispatch.ThrowNull + "();");
            if (table)
            {
                WriteSwitch(writer, dispatch, indexTypes, targets);
            }
            else
            {
                WriteExactTests(writer, dispatch, targets);
            }

            if (dispatch.BaseTypeMethod is null)
            {
                WriteBaseTypeTests(writer, dispatch, targets, table);
            }
            else
            {
                writer.Line("return " + dispatch.BaseTypeMethod + "(" + dispatch.Arguments(dispatch.Message) + ");");
            }
        }

        if (dispatch.BaseTypeMethod is { } baseTypeMethod)
        {
            writer.Line();
            writer.Line("/// <summary>The " + dispatch.Message + "'s exact type has no pipeline: try the pipelines of its base classes, most derived first.</summary>");
            using (writer.Block(PrivateSignature(dispatch, baseTypeMethod)))
            {
                WriteBaseTypeTests(writer, dispatch, targets, table);
            }
        }

        if (table)
        {
            foreach (var target in targets)
            {
                writer.Line();
                writer.Line("/// <summary>The " + dispatch.HelperOwner + " way into <c>" + target.Pipeline.ClassName + "</c>" + dispatch.HelperNote + ", out of line so that the dispatching method stays small.</summary>");
                writer.Line(TypeSwitch.NoInlining);
                dispatch.WriteHelper(writer, PrivateSignature(dispatch, dispatch.Helper(target.Pipeline)), target.Pipeline);
            }
        }
    }

    private static string PrivateSignature(GenericDispatch dispatch, string name)
        => "private" + Static(dispatch) + " " + dispatch.ReturnType + " " + name + dispatch.TypeParameters + "(" + dispatch.Parameters(withDefault: false) + ")";

    /// <summary>A module's entry point, over its parameters, is static, and so are its helpers.</summary>
    private static string Static(GenericDispatch dispatch) => dispatch.State.IsStatic ? " static" : string.Empty;

    /// <summary>A case per type that has a pipeline here; a case that may not return breaks out to the base-class tests.</summary>
    private static void WriteSwitch(SourceWriter writer, GenericDispatch dispatch, IReadOnlyList<TypeRef> indexTypes, IReadOnlyList<DispatchTarget> targets)
    {
        var byType = targets.ToLookup(t => t.Pipeline.MessageType);
        var cases = TypeSwitch.All(indexTypes).Where(c => byType.Contains(c.Value));
        TypeSwitch.WriteSwitch(writer, dispatch.IndexName, dispatch.RuntimeTypeHandle, cases, (w, i) =>
        {
            foreach (var target in byType[indexTypes[i]])
            {
                var call = "return " + dispatch.Helper(target.Pipeline) + "(" + dispatch.Arguments(dispatch.Message) + ");";
                if (!target.TestsResult)
                {
                    w.Line(call);
                    return true;
                }

                w.Line("if (" + ResultTest(dispatch, target.Pipeline) + ") " + call);
            }

            return false;
        });
    }

    private static void WriteExactTests(SourceWriter writer, GenericDispatch dispatch, IReadOnlyList<DispatchTarget> targets)
    {
        if (targets.Count > 0 || dispatch.ReadsTypeWithoutPipelines)
        {
            writer.Line("global::System.Type type = " + dispatch.RuntimeType + ";");
        }

        foreach (var target in targets)
        {
            var pipeline = target.Pipeline;
            var condition = "type == " + TypeOf(new[] { target }) + (target.TestsResult ? " && " + ResultTest(dispatch, pipeline) : string.Empty);
            dispatch.WriteTaken(writer, condition, pipeline, Code.Cast(pipeline, dispatch.Message), "The tests above make");
        }
    }

    /// <summary>The pipelines of types that can have subclasses, deepest first, with <c>is</c>; then what happens when none takes the message.</summary>
    private static void WriteBaseTypeTests(SourceWriter writer, GenericDispatch dispatch, IReadOnlyList<DispatchTarget> targets, bool table)
    {
        dispatch.Modules?.WriteExactTests(writer);
        var index = 0;
        var own = DeepestFirst(targets).Select(p => new BaseTypeTest(p.InheritanceDepth, p.MessageType.Display, w => WriteBaseTypeTest(w, dispatch, p, table, ref index)));
        var modules = dispatch.Modules?.BaseTypeTests ?? (IReadOnlyList<BaseTypeTest>)Array.Empty<BaseTypeTest>();
        foreach (var test in own.Concat(modules).OrderByDescending(t => t.Depth).ThenBy(t => t.Type, System.StringComparer.Ordinal))
        {
            test.Write(writer);
        }

        dispatch.WriteNotFound(writer);
    }

    private static void WriteBaseTypeTest(SourceWriter writer, GenericDispatch dispatch, MessageShape pipeline, bool table, ref int index)
    {
        var message = dispatch.Message;
        var guard = dispatch.ResultParameter is null ? string.Empty : " && " + ResultTest(dispatch, pipeline);
        if (pipeline.InObsoleteContext)
        {
            writer.Line("if (" + pipeline.ClassName + ".IsInstance(" + message + ")" + guard + ") return " + dispatch.Forward(pipeline) + ";");
            return;
        }

        if (table)
        {
            writer.Line("if (" + message + " is " + pipeline.MessageType.Display + guard + ") return " + dispatch.Helper(pipeline) + "(" + dispatch.Arguments(message) + ");");
            return;
        }

        var name = message.Substring(0, 1) + index++;
        dispatch.WriteTaken(writer, message + " is " + pipeline.MessageType.Display + " " + name + guard, pipeline, name, "The tests above make");
    }

    /// <summary>
    /// The pipelines tried with <c>is</c> after the exact type tests: types that can have subclasses, deepest first (so a
    /// subclass reaches its nearest handled base), by name when depths tie.
    /// </summary>
    private static IEnumerable<MessageShape> DeepestFirst(IEnumerable<DispatchTarget> targets)
        => targets.Select(t => t.Pipeline)
            .Where(p => p.CanBeDerived)
            .OrderByDescending(p => p.InheritanceDepth)
            .ThenBy(p => p.MessageType.Display, System.StringComparer.Ordinal);

    /// <summary>The message type of <paramref name="targets"/> (of one type) as a table entry or type test operand.</summary>
    private static string TypeOf(IEnumerable<DispatchTarget> targets)
    {
        var all = targets.Select(t => t.Pipeline).ToList();
        return all.FirstOrDefault(p => p.InObsoleteContext) is { } shielded ? shielded.ClassName + ".MessageType" : "typeof(" + all[0].MessageType.TypeOfOperand + ")";
    }

    /// <summary>Whether the method's result type parameter is the pipeline's result type.</summary>
    private static string ResultTest(GenericDispatch dispatch, MessageShape pipeline)
        => pipeline.InObsoleteContext
            ? pipeline.ClassName + ".Answers<" + dispatch.ResultParameter + ">()"
            : "typeof(" + dispatch.ResultParameter + ") == typeof(" + pipeline.ResultType.TypeOfOperand + ")";
}

/// <summary>A base-class test of a generic entry point: tried deepest first, by type name when depths tie.</summary>
/// <param name="Depth">The number of base classes of <paramref name="Type"/>.</param>
/// <param name="Type">The type tested, for the order.</param>
/// <param name="Write">Writes the test and the call it guards.</param>
internal sealed record BaseTypeTest(int Depth, string Type, Action<SourceWriter> Write);

/// <summary>A pipeline a generic entry point may choose.</summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="TestsResult">Its exact type test also tests the result type: the message has several results, each with its own pipeline.</param>
internal readonly record struct DispatchTarget(MessageShape Pipeline, bool TestsResult);
