/** A 1:1 message between two members of the same course (L6). */
export interface Message {
  id: string;
  courseId: string;
  fromUserId: string;
  fromName: string;
  toUserId: string;
  toName: string;
  text: string;
  /** Day precision: enough to read a conversation, nothing finer about people's habits (L2). */
  sentOn: string;
}

export const maxMessageLength = 2_000;
