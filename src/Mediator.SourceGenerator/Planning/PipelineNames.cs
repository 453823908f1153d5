using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Names the nested pipeline classes of every kind at once: the message's simple name (<see cref="TypeIdentifiers"/>)
/// and the kind's suffix when that is unique, otherwise the namespace-qualified name, then a number if still needed.
/// Deterministic for a given set of messages.
/// </summary>
/// <remarks>
/// The names become nested classes of one <c>Mediator</c> class, <c>PipelineCache</c> fields (<c>_pingPipeline</c>:
/// the first letter lowered), helper methods (<c>SendThroughPingPipeline</c>) and generated file names, which Roslyn
/// compares ignoring case. So names are unique ignoring case across requests, streams and notifications (a request
/// <c>FooStream</c> and a stream request <c>Foo</c> would otherwise both be <c>FooStreamPipeline</c>), and no name
/// starts with a helper method's prefix (a request <c>SendThroughX</c> would otherwise be named like the helper of a
/// request <c>X</c>).
/// </remarks>
internal static class PipelineNames
{
    public const string RequestSuffix = "Pipeline";
    public const string StreamSuffix = "StreamPipeline";
    public const string NotificationSuffix = "NotificationPipeline";

    /// <summary>The generic <c>Send</c>'s helper into a pipeline is this prefix and the pipeline's class name.</summary>
    public const string SendHelperPrefix = "SendThrough";

    /// <summary>The generic void <c>Send</c>'s helper prefix.</summary>
    public const string SendVoidHelperPrefix = "SendVoidThrough";

    /// <summary>The generic <c>Publish</c>'s helper prefix.</summary>
    public const string PublishHelperPrefix = "PublishThrough";

    /// <summary>The generic <c>CreateStream</c>'s helper prefix.</summary>
    public const string CreateStreamHelperPrefix = "CreateStreamThrough";

    private static readonly string[] s_helperPrefixes = { SendHelperPrefix, SendVoidHelperPrefix, PublishHelperPrefix, CreateStreamHelperPrefix };

    /// <summary>One pipeline to name.</summary>
    /// <param name="Suffix">The kind's suffix: <see cref="RequestSuffix"/>, <see cref="StreamSuffix"/> or <see cref="NotificationSuffix"/>.</param>
    /// <param name="Key">Unique among the pipelines of its kind: the dictionary key of the result.</param>
    /// <param name="Message">The message type.</param>
    /// <param name="Result">For a message with several results (several <c>IRequest&lt;T&gt;</c>), the result this pipeline serves.</param>
    public sealed record Subject(string Suffix, string Key, TypeRef Message, TypeRef? Result = null)
    {
        /// <summary>The name when the message's simple name is unique: <c>Wrap_intPipeline</c>.</summary>
        public string Simple => TypeIdentifiers.Simple(Message) + Returning(TypeIdentifiers.Simple) + Suffix;

        /// <summary>The name when it is not: <c>App_Orders_Wrap_intPipeline</c>.</summary>
        public string Qualified => TypeIdentifiers.Qualified(Message) + Returning(TypeIdentifiers.Simple) + Suffix;

        private string Returning(Func<TypeRef, string> name) => Result is null ? string.Empty : "Returning" + name(Result);
    }

    /// <summary>Class names by (suffix, key).</summary>
    public static IReadOnlyDictionary<(string Suffix, string Key), string> Assign(IReadOnlyList<Subject> subjects)
    {
        var simple = subjects.ToDictionary(s => s, s => s.Simple);
        var clashing = new HashSet<string>(
            simple.Values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key),
            StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<(string, string), string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subject in subjects.OrderBy(s => s.Suffix, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var name = clashing.Contains(simple[subject]) ? subject.Qualified : simple[subject];
            if (s_helperPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                name = "_" + name;
            }

            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + i.ToString(CultureInfo.InvariantCulture);
            }

            names[(subject.Suffix, subject.Key)] = unique;
        }

        return names;
    }
}
