using System.Globalization;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Names the nested pipeline classes of every kind at once: the message's simple name (<see cref="TypeIdentifiers"/>)
/// and the kind's suffix when that is unique, otherwise the namespace-qualified name, then a number if still needed.
/// Deterministic for a given set of messages.
/// </summary>
/// <remarks>
/// The names become nested classes of one mediator class, <c>PipelineCache</c> fields (<c>_PingPipeline</c>), the
/// generic dispatch's helper methods (<c>PingPipelineSend</c>) and generated file names (<c>Mediator.PingPipeline.g.cs</c>),
/// which Roslyn compares ignoring case. So names are unique ignoring case across requests, streams and notifications
/// (a request <c>PingStream</c> and a stream request <c>Ping</c> would otherwise both be <c>PingStreamPipeline</c>, and
/// <c>A.ping</c> and <c>B.Ping</c> two files Roslyn refuses), and every name ends in its kind's suffix, which ends in
/// <c>Pipeline</c>, and maybe a number: no other member of the mediator is named so (MED0036 keeps the mediator class
/// itself from it), and a helper, which adds a suffix of its own, is never named like a pipeline class.
/// </remarks>
internal static class PipelineNames
{
    public const string RequestSuffix = "Pipeline";
    public const string StreamSuffix = "StreamPipeline";
    public const string NotificationSuffix = "NotificationPipeline";

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

    /// <summary>
    /// Class names by (suffix, key). A subject is named by its qualified name when another has the same simple name
    /// (ignoring case) and a different qualified one: qualifying tells them apart (<c>A_pingPipeline</c>,
    /// <c>B_PingPipeline</c>). Where it would not (the request <c>App.PingStream</c> and the stream request
    /// <c>App.Ping</c>), the simple name stays and the later one, by kind and key, is numbered (<c>PingStreamPipeline2</c>).
    /// </summary>
    public static IReadOnlyDictionary<(string Suffix, string Key), string> Assign(IReadOnlyList<Subject> subjects)
    {
        var simple = subjects.ToDictionary(s => s, s => s.Simple);
        var qualify = new HashSet<Subject>(subjects
            .GroupBy(s => simple[s], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(s => s.Qualified).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            .SelectMany(g => g));
        var names = new Dictionary<(string, string), string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subject in subjects.OrderBy(s => s.Suffix, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var name = qualify.Contains(subject) ? subject.Qualified : simple[subject];
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
