using System.Collections.Generic;

namespace Shop
{
    /// <summary>What ran, in order: the tests read it.</summary>
    public sealed class OrderLog
    {
        private readonly List<string> _entries = new List<string>();

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_entries)
                {
                    return _entries.ToArray();
                }
            }
        }

        public void Write(string entry)
        {
            lock (_entries)
            {
                _entries.Add(entry);
            }
        }
    }
}
