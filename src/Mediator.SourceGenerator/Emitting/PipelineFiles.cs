using System.Globalization;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Decides which generated file holds which pipeline, and writes each file. Up to <see cref="OneFilePerPipelineUpTo"/>
/// pipelines, every pipeline has a file of its own (<c>Mediator.PingPipeline.g.cs</c>), the easiest to read. Above it,
/// the pipelines share <see cref="SharedFiles"/> files (<c>Mediator.Pipelines.07.g.cs</c>), chosen by a stable hash of
/// the pipeline's class name: Roslyn's driver checks each added file's name against every file added before it, on every
/// run, cached or not, so a thousand files cost a re-run after any keystroke tens of milliseconds that a few dozen do not.
/// The hash keeps a pipeline in the same file when others are added or removed, so a change re-writes one file.
/// </summary>
internal static class PipelineFiles
{
    /// <summary>Projects with at most this many pipelines get one file per pipeline.</summary>
    public const int OneFilePerPipelineUpTo = 64;

    /// <summary>How many files larger projects' pipelines share.</summary>
    public const int SharedFiles = 32;

    public static EquatableArray<PipelineFile> Assign(ImmutableArray<PipelinePlan> requests, ImmutableArray<NotificationPlan> notifications, ImmutableArray<StreamPlan> streams)
    {
        if (requests.Length + notifications.Length + streams.Length <= OneFilePerPipelineUpTo)
        {
            return requests.Select(p => new PipelineFile(OwnFile(p.Shape.ClassName), One(p), None<NotificationPlan>(), None<StreamPlan>()))
                .Concat(notifications.Select(p => new PipelineFile(OwnFile(p.Shape.ClassName), None<PipelinePlan>(), One(p), None<StreamPlan>())))
                .Concat(streams.Select(p => new PipelineFile(OwnFile(p.Shape.ClassName), None<PipelinePlan>(), None<NotificationPlan>(), One(p))))
                .ToEquatableArray();
        }

        var requestShares = requests.ToLookup(p => Share(p.Shape.ClassName));
        var notificationShares = notifications.ToLookup(p => Share(p.Shape.ClassName));
        var streamShares = streams.ToLookup(p => Share(p.Shape.ClassName));
        var files = new List<PipelineFile>();
        for (var share = 0; share < SharedFiles; share++)
        {
            var file = new PipelineFile(
                "Mediator.Pipelines." + share.ToString("D2", CultureInfo.InvariantCulture) + ".g.cs",
                requestShares[share].ToEquatableArray(),
                notificationShares[share].ToEquatableArray(),
                streamShares[share].ToEquatableArray());
            if (file.Requests.Count + file.Notifications.Count + file.Streams.Count > 0)
            {
                files.Add(file);
            }
        }

        return files.ToEquatableArray();
    }

    /// <summary>What MED0003 names if writing the file fails.</summary>
    public static string Describe(PipelineFile file)
        => string.Join(", ", file.Requests.Select(p => p.Shape.ClassName)
            .Concat(file.Notifications.Select(p => p.Shape.ClassName))
            .Concat(file.Streams.Select(p => p.Shape.ClassName)));

    public static string Emit(PipelineFile file)
    {
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        UsageEmitter.WriteSuppressions(
            writer,
            file.Requests.SelectMany(p => p.Shape.Usage).Concat(file.Notifications.SelectMany(p => p.Shape.Usage)).Concat(file.Streams.SelectMany(p => p.Shape.Usage)),
            namesObsoleteContexts: false);
        var first = true;
        foreach (var pipeline in file.Requests)
        {
            Separate(writer, ref first);
            PipelineEmitter.Write(writer, pipeline);
        }

        foreach (var pipeline in file.Notifications)
        {
            Separate(writer, ref first);
            NotificationPipelineEmitter.Write(writer, pipeline);
        }

        foreach (var pipeline in file.Streams)
        {
            Separate(writer, ref first);
            StreamPipelineEmitter.Write(writer, pipeline);
        }

        return writer.Finish();
    }

    /// <summary>
    /// A file name per pipeline class: <c>Mediator.PingPipeline.g.cs</c>. Roslyn compares file names without case; class
    /// names are unique ignoring case (<see cref="Planning.PipelineNames"/>), so these are too.
    /// </summary>
    private static string OwnFile(string className) => "Mediator." + className + ".g.cs";

    private static EquatableArray<T> One<T>(T pipeline)
        where T : System.IEquatable<T> => new(ImmutableArray.Create(pipeline));

    private static EquatableArray<T> None<T>()
        where T : System.IEquatable<T> => EquatableArray<T>.Empty;

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.Line();
        }

        first = false;
    }

    /// <summary>FNV-1a over the name's UTF-16 code units: the same share on every machine and in every process (unlike <c>string.GetHashCode</c>).</summary>
    private static int Share(string className)
    {
        var hash = 2166136261u;
        foreach (var c in className)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % SharedFiles);
    }
}
