// About as much Chinese text as a short chapter, as plain server-rendered paragraphs.
const paragraph =
  '并发的意思是同一段时间里照看好几件事：一件事在等待的时候，程序转去推进另一件。等待网络、等待磁盘的程序最能从中受益，因为它们大部分时间都在空等。'

export default function Page() {
  return (
    <main>
      <h1>基线页面</h1>
      {Array.from({ length: 40 }, (_, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </main>
  )
}
