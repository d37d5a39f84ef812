export const myWorkTypeDefs = /* GraphQL */ `
  "What the signed-in user should act on."
  type MyWork {
    "Milestones not done and past their planned date, of projects the user is responsible for; earliest first."
    overdueMilestones: [Milestone!]!
    "Follow-ups the user owns that are not done, by due date."
    openFollowUps: [FollowUp!]!
  }

  extend type Query {
    myWork: MyWork!
  }
`;
